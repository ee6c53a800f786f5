/**
 * A node's tasks: one small badge per task (`● web.3`), or, past AGGREGATE_OVER tasks, one
 * chip per service with its counts per phase (`web ● 20 ◐ 5`).
 * Contract: draws only the card's model, as phrasing content (it sits inside the card's
 * button). Hidden from assistive technology: the card's
 * accessible name already says all of it (clusterText.nodeName). A badge pops in when its task
 * appears (cluster.css; no motion with reduced motion); keys are task IDs, so a replacement
 * task is a new badge, as it is a new task in SwarmKit.
 */
import type { NodeCard } from './clusterModel';
import { phaseCounts } from './clusterModel';
import { PHASE_SYMBOL } from './clusterText';
import { PHASE_CLASSES, serviceClasses } from './serviceLook';

const CHIP =
  'cluster-badge inline-flex items-center gap-0.5 rounded border px-1 font-mono text-[11px] leading-4';

export function TaskBadges({ card }: { readonly card: NodeCard }) {
  if (card.tallies) {
    return (
      <span className="flex flex-wrap gap-1" aria-hidden="true">
        {card.tallies.map((tally) => (
          <span key={tally.serviceId} className={`${CHIP} ${serviceClasses(tally.colour)}`}>
            <span className="font-semibold">{tally.name}</span>
            {phaseCounts(tally.phases).map(({ phase, count }) => (
              <span key={phase} data-phase={phase}>
                {PHASE_SYMBOL[phase]}
                {count}
              </span>
            ))}
          </span>
        ))}
      </span>
    );
  }
  return (
    <span className="flex flex-wrap gap-1" aria-hidden="true">
      {card.tasks.map((task) => (
        <span
          key={task.id}
          data-phase={task.phase}
          className={`${CHIP} ${serviceClasses(task.colour)} ${PHASE_CLASSES[task.phase]}`}
        >
          <span>{PHASE_SYMBOL[task.phase]}</span>
          {task.label}
        </span>
      ))}
    </span>
  );
}
