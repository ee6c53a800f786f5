/**
 * The arrows of a statechart and their event labels, as one SVG under the state boxes. It is
 * hidden from assistive technology: each state's button describes its transitions in words.
 * Arrows leaving the current state are drawn stronger: they are what can happen next.
 */
import { useId } from 'react';
import { arrowPath, LABEL_FONT, labelLines, type ArrowLayout } from './statechartLayout';

interface Props {
  readonly width: number;
  readonly height: number;
  readonly arrows: readonly ArrowLayout[];
  readonly current: string | null;
}

export function ChartArrows({ width, height, arrows, current }: Props) {
  const id = useId();
  const plain = `${id}-plain`;
  const next = `${id}-next`;
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="absolute inset-0 overflow-visible text-slate-500 dark:text-slate-400"
    >
      <defs>
        {[plain, next].map((marker) => (
          <marker
            key={marker}
            id={marker}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
            className={marker === next ? 'text-sky-700 dark:text-sky-300' : undefined}
          >
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        ))}
      </defs>
      {arrows.map((arrow) => {
        const isNext = arrow.from === current;
        const lines = labelLines(arrow.events);
        const top = arrow.label.y - ((lines.length - 1) * LABEL_FONT.line) / 2;
        return (
          <g
            key={`${arrow.from}->${arrow.to}`}
            className={isNext ? 'text-sky-700 dark:text-sky-300' : undefined}
          >
            <path
              d={arrowPath(arrow.points, arrow.loop)}
              fill="none"
              stroke="currentColor"
              strokeWidth={isNext ? 2 : 1.25}
              markerEnd={`url(#${isNext ? next : plain})`}
            />
            <text
              x={arrow.label.x}
              y={top}
              textAnchor="middle"
              dominantBaseline="middle"
              fill="currentColor"
              paintOrder="stroke"
              strokeWidth={4}
              strokeLinejoin="round"
              className="stroke-white font-mono text-[10px] dark:stroke-slate-950"
            >
              {lines.map((line, i) => (
                <tspan key={i} x={arrow.label.x} dy={i === 0 ? 0 : LABEL_FONT.line}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
