/**
 * A lifecycle machine drawn as a statechart: states as boxes, transitions as labelled arrows,
 * laid out by dagre from the machine definition. The current state is lit and says "current
 * state" in words. Each box is a button whose description is the state's meaning and its
 * transitions; hovering, focusing or pressing it shows the same below the chart, which
 * otherwise explains the current state. The chart shrinks to fit the panel, down to a
 * legible size, and scrolls sideways below that.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyStateMachine } from 'xstate';
import { ChartArrows } from './ChartArrows';
import { StateBox, useStateMarks } from './StateBox';
import { exitsOf, statechart } from './statechart';
import { layoutStatechart } from './statechartLayout';
import { useElementSize } from '../panels/useElementSize';

/** Smallest scale before the chart scrolls instead: text below ~9 px is hard to read. */
const MIN_SCALE = 0.72;

interface Props {
  readonly machine: AnyStateMachine;
  /** The state to light, or null when no instance of the machine runs now. */
  readonly current: string | null;
  readonly title: string;
}

/** A machine's description, with its `commands` set in code type as the backticks ask. */
function Described({ text }: { text: string }) {
  return text.split('`').map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="font-mono">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

export function StatechartView({ machine, current, title }: Props) {
  const { t } = useTranslation();
  const marks = useStateMarks();
  // Laid out once per machine from its unlit shape, so a change of state moves no box.
  const shape = useMemo(() => statechart(machine, null), [machine]);
  const layout = useMemo(() => layoutStatechart(shape, marks.longest), [shape, marks.longest]);
  const chart = useMemo(() => statechart(machine, current), [machine, current]);
  const frame = useRef<HTMLDivElement>(null);
  const available = useElementSize(frame)?.width;
  const scale =
    available === undefined ? 1 : Math.min(1, Math.max(MIN_SCALE, available / layout.width));
  const [shown, setShown] = useState<string | null>(null);
  const id = useId();
  const explained =
    chart.states.find((s) => s.id === shown) ??
    chart.states.find((s) => s.isCurrent) ??
    chart.states.find((s) => s.isInitial);

  return (
    <figure aria-labelledby={`${id}-title`} className="flex flex-col gap-1.5">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      {chart.unknownCurrent !== null && (
        <p className="text-muted">
          {t('inspector.chart.unknownState', { state: chart.unknownCurrent })}
        </p>
      )}
      {current === null && <p className="text-muted">{t('inspector.chart.noInstance')}</p>}
      <div ref={frame} className="overflow-x-auto">
        <div style={{ width: layout.width * scale, height: layout.height * scale }}>
          <div
            className="relative origin-top-left"
            style={{ width: layout.width, height: layout.height, transform: `scale(${scale})` }}
          >
            <ChartArrows {...layout} current={chart.current} />
            <ol aria-label={t('inspector.chart.states', { machine: machine.id })}>
              {chart.states.map((state) => (
                <StateBox
                  key={state.id}
                  state={state}
                  box={layout.boxes.get(state.id)}
                  exits={exitsOf(chart, state.id)}
                  mark={marks.of(state)}
                  descriptionId={`${id}-${state.id}`}
                  onShow={setShown}
                />
              ))}
            </ol>
          </div>
        </div>
      </div>
      {explained && (
        <p className="text-xs">
          <span className="font-mono font-semibold">{explained.id}</span>
          {explained.isCurrent && ` (${t('inspector.chart.current')})`}:{' '}
          <Described text={explained.description} />
        </p>
      )}
    </figure>
  );
}
