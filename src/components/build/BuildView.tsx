/**
 * The Build view (loaded lazily, default export: CodeMirror stays out of the first screen): on
 * the left the build context in /root/app as tabs over a code editor, the Dockerfile's
 * problems, the tag and the Build button; on the right the image anatomy.
 *
 * Contract: the host's files are the truth. Typing is written to the host as `writeFile` inputs
 * (debounced, flushed before a build), so playback and replay see every edit. The files shown
 * are those an edit would land on: the cursor's while paused in the past (an edit there forks
 * the future, as any input does), else the live host's (while the cursor trails a busy trace,
 * what was typed must not be overwritten by the older text the cursor is still showing). Build
 * types `docker build -t TAG /root/app` into the terminal, like a student would, and is refused
 * while the Dockerfile has an error, so a broken file never starts a build.
 */
// The editor writes the build context into the host as inputs: the engine comes with it.
import '../../sim/engine';
import { Text } from '@codemirror/state';
import { useCallback, useId, useMemo, useRef, useState, useEffect } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { lintDockerfile } from '../../sim/build/lint';
import { isAtEnd } from '../../store/playback';
import { useSessionStore, worldAtCursor, type SessionState } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';
import { ImageAnatomy } from './anatomy/ImageAnatomy';
import { BuildControls, type BuildBlock } from './editor/BuildControls';
import { buildCommand, DEFAULT_TAG, tagProblem } from './editor/buildCommand';
import { CodeEditor, type CodeEditorHandle } from './editor/CodeEditor';
import { CONTEXT_DIR, contextFiles, DOCKERFILE_PATH } from './editor/contextFiles';
import { debouncedWriter } from './editor/debouncedWriter';
import { hasErrors, placeDiagnostics } from './editor/diagnostics';
import { DiagnosticsList } from './editor/DiagnosticsList';
import { FileTabs } from './editor/FileTabs';
import { NewFileForm } from './editor/NewFileForm';
import { useTerminal } from './editor/useTerminal';

/** How long typing must pause before the file is written to the host (and linted). */
const WRITE_DELAY_MS = 400;

/** The context's files where an edit would land (see the contract above). */
function selectContext(state: SessionState): Record<string, string> {
  const past = !state.playing && !isAtEnd(state.sim.trace, state.cursor);
  const files = (past ? worldAtCursor(state) : state.sim.world).files;
  const prefix = `${CONTEXT_DIR}/`;
  return Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith(prefix)));
}

function writeHostFile(path: string, content: string) {
  useSessionStore.getState().run({ kind: 'writeFile', path, content });
}

export default function BuildView() {
  const { t } = useTranslation();
  const files = useSessionStore(useShallow(selectContext));
  const list = useMemo(() => contextFiles(files), [files]);
  const [selected, setSelected] = useState(DOCKERFILE_PATH);
  const shown = files[selected] !== undefined ? selected : (list[0]?.path ?? null);
  const [tag, setTag] = useState(DEFAULT_TAG);
  const [writer] = useState(() => debouncedWriter(writeHostFile, WRITE_DELAY_MS));
  const editor = useRef<CodeEditorHandle>(null);
  const { controller, busy } = useTerminal();
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const panelId = `${baseId}-panel`;
  const tabId = useCallback(
    (path: string) => `${baseId}-tab-${list.findIndex((f) => f.path === path)}`,
    [baseId, list],
  );

  // Whatever is still being typed when the view closes is written, not lost.
  useEffect(() => () => writer.flush(), [writer]);

  // Linted as written to the host: the findings settle when typing pauses, not on every key.
  const dockerfile = files[DOCKERFILE_PATH];
  const lint = useMemo(
    () =>
      dockerfile === undefined ? null : { text: dockerfile, found: lintDockerfile(dockerfile) },
    [dockerfile],
  );
  const placed = useMemo(
    () => (lint ? placeDiagnostics(Text.of(lint.text.split('\n')), lint.found) : []),
    [lint],
  );

  const blocked: BuildBlock | null =
    dockerfile === undefined
      ? 'noDockerfile'
      : hasErrors(placed)
        ? 'errors'
        : busy
          ? 'busy'
          : tagProblem(tag);

  const build = () => {
    writer.flush();
    // The host's Dockerfile now (the render may be a moment behind the last keystroke).
    const now = selectContext(useSessionStore.getState())[DOCKERFILE_PATH];
    if (now === undefined || hasErrors(lintDockerfile(now))) return;
    if (controller.busy() || tagProblem(tag)) return;
    useUiStore.getState().setPanelCollapsed('terminal', false);
    controller.submit(buildCommand(tag));
  };

  const reveal = (line: number) => {
    flushSync(() => setSelected(DOCKERFILE_PATH));
    editor.current?.revealLine(line);
  };

  const labelOf = useCallback(
    (path: string) => t('build.editor.label', { name: path.slice(CONTEXT_DIR.length + 1) }),
    [t],
  );

  const create = (path: string) => {
    writeHostFile(path, '');
    setSelected(path);
  };

  return (
    <div className="@container h-full overflow-auto">
      <div className="flex min-h-full flex-col gap-4 p-3 @3xl:h-full @3xl:flex-row">
        <section
          aria-labelledby={titleId}
          className="flex min-h-[28rem] min-w-0 flex-col gap-2 @3xl:flex-[3]"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={titleId} className="text-sm font-semibold">
              {t('build.context.title', { dir: CONTEXT_DIR })}
            </h3>
            <NewFileForm files={files} onCreate={create} />
          </div>
          {shown === null ? (
            <p className="text-muted text-sm">{t('build.context.empty', { dir: CONTEXT_DIR })}</p>
          ) : (
            <>
              <FileTabs
                label={t('build.context.files')}
                files={list}
                selected={shown}
                onSelect={setSelected}
                panelId={panelId}
                tabId={tabId}
              />
              <div
                role="tabpanel"
                id={panelId}
                aria-labelledby={tabId(shown)}
                className="min-h-48 flex-1"
              >
                <CodeEditor
                  ref={editor}
                  path={shown}
                  files={files}
                  labelOf={labelOf}
                  lint={shown === DOCKERFILE_PATH ? lint : null}
                  pending={writer.pending}
                  onEdit={writer.schedule}
                />
              </div>
            </>
          )}
          <DiagnosticsList found={placed} onReveal={reveal} />
          <BuildControls
            tag={tag}
            onTagChange={setTag}
            command={buildCommand(tag)}
            blocked={blocked}
            onBuild={build}
          />
        </section>
        <div className="min-w-0 @3xl:flex-[2] @3xl:overflow-auto">
          <ImageAnatomy />
        </div>
      </div>
    </div>
  );
}
