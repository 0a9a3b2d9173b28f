import type { AnalysisSpec } from "@/lib/data/results/analysis";

/**
 * A grouped bar chart of cumulative percentages per grade: the centre's bar beside the board's.
 * An image to assistive technology (role="img" named by <title> and described by <desc>); the
 * page puts the same figures in a table next to it.
 */
export function GradeChart({
  id,
  spec,
  title,
  desc,
  centreLabel,
  boardLabel,
}: {
  id: string;
  spec: AnalysisSpec;
  title: string;
  desc: string;
  centreLabel: string;
  boardLabel: string;
}) {
  const barWidth = 18;
  const gap = 4;
  const groupWidth = barWidth * 2 + gap + 18;
  const left = 40;
  const top = 40;
  const plotHeight = 180;
  const width = Math.max(left + spec.grades.length * groupWidth + 10, 520);
  const height = top + plotHeight + 30;
  const y = (percent: number) => top + plotHeight - (percent / 100) * plotHeight;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full max-w-3xl"
      style={{ minWidth: Math.min(width, 320) }}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {/* Legend */}
      <rect x={left} y={8} width={14} height={14} className="fill-primary" />
      <text x={left + 20} y={20} className="fill-foreground text-[12px]">
        {centreLabel}
      </text>
      <rect x={left + 220} y={8} width={14} height={14} className="fill-foreground" />
      <text x={left + 240} y={20} className="fill-foreground text-[12px]">
        {boardLabel}
      </text>
      {/* Axis and gridlines at 0, 50, 100 % */}
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line x1={left} x2={width - 5} y1={y(p)} y2={y(p)} className="stroke-border" strokeWidth={1} />
          <text x={left - 6} y={y(p) + 4} textAnchor="end" className="fill-foreground text-[11px]">
            {p}%
          </text>
        </g>
      ))}
      {spec.grades.map((g, i) => {
        const x = left + 8 + i * groupWidth;
        return (
          <g key={g.grade}>
            <rect
              x={x}
              y={y(g.cumulativePercent)}
              width={barWidth}
              height={(g.cumulativePercent / 100) * plotHeight}
              className="fill-primary"
            />
            <rect
              x={x + barWidth + gap}
              y={y(g.boardCumulativePercent)}
              width={barWidth}
              height={(g.boardCumulativePercent / 100) * plotHeight}
              className="fill-foreground"
            />
            <text
              x={x + barWidth + gap / 2}
              y={top + plotHeight + 18}
              textAnchor="middle"
              className="fill-foreground text-[12px] font-bold"
            >
              {g.grade}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
