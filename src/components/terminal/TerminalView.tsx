/**
 * The terminal emulator (xterm.js) on a TerminalController, loaded lazily (default export).
 * Contract: an adapter. The line editor and the session (terminalSession.ts) decide what is
 * drawn; this file creates the emulator, fits it to its box, follows the theme, reduced motion
 * and the screen-reader setting, and routes keys: the editor's keys to the terminal, the
 * browser's shortcuts, copy and paste to the browser, and Escape out of the terminal.
 */
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalController } from '../../cli/shell/types';
import { browserStorage } from '../../store/themePreference';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { keyAction } from './keyPolicy';
import { loadScreenReaderMode, saveScreenReaderMode } from './screenReaderPreference';
import { TerminalSession } from './terminalSession';
import { readTerminalFont, readTerminalTheme } from './terminalTheme';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

interface Props {
  readonly controller: TerminalController;
}

/** Copies through the async clipboard API; where it is refused, nothing is copied, quietly. */
function copyText(text: string) {
  if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
}

export default function TerminalView({ controller }: Props) {
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const terminalRef = useRef<Terminal | null>(null);
  const sessionRef = useRef<TerminalSession | null>(null);
  const hintId = useId();
  const theme = useResolvedTheme();
  const reducedMotion = useMediaQuery(REDUCED_MOTION);
  const [screenReader, setScreenReader] = useState(() => loadScreenReaderMode(browserStorage()));

  // The emulator lives as long as the view; the effects below adjust it and feed it.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const terminal = new Terminal({
      fontFamily: readTerminalFont(host),
      fontSize: 13,
      scrollback: 1000,
      // Any colour a program prints stays readable on the theme's background (WCAG AA).
      minimumContrastRatio: 4.5,
      // The session writes CR LF itself; a bare LF must stay a pure line feed for the editor.
      convertEol: false,
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(host);
    terminal.textarea?.setAttribute('aria-describedby', hintId);
    terminal.attachCustomKeyEventHandler((event) => {
      const action = keyAction(event, {
        hasSelection: terminal.hasSelection(),
        canComplete: sessionRef.current?.canComplete() ?? false,
      });
      if (action === 'terminal') return true;
      if (event.type === 'keydown' && action === 'leave') terminal.blur();
      if (event.type === 'keydown' && action === 'copy') {
        event.preventDefault();
        copyText(terminal.getSelection());
      }
      return false;
    });
    const refit = () => {
      const before = terminal.cols;
      fit.fit();
      sessionRef.current?.resized(before);
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(host);
    terminalRef.current = terminal;
    return () => {
      observer.disconnect();
      terminalRef.current = null;
      terminal.dispose();
    };
  }, [hintId]);

  useEffect(() => {
    const terminal = terminalRef.current;
    if (!terminal) return;
    const session = new TerminalSession(controller, {
      write: (data) => terminal.write(data),
      get columns() {
        return terminal.cols;
      },
    });
    sessionRef.current = session;
    controller.resize?.(terminal.cols);
    const input = terminal.onData((data) => session.input(data));
    const stop = session.start();
    return () => {
      input.dispose();
      stop();
      sessionRef.current = null;
    };
  }, [controller]);

  // The input's name and xterm's "too much output" announcement, in the current language.
  useEffect(() => {
    Terminal.strings.tooMuchOutput = t('terminal.tooMuchOutput');
    terminalRef.current?.textarea?.setAttribute('aria-label', t('terminal.inputLabel'));
  }, [t]);

  // Runs after App has put the theme's class on <html> (a layout effect), so the
  // custom properties read here are the new theme's.
  useEffect(() => {
    const terminal = terminalRef.current;
    const host = hostRef.current;
    if (terminal && host) terminal.options.theme = readTerminalTheme(host);
  }, [theme]);

  useEffect(() => {
    if (terminalRef.current) terminalRef.current.options.cursorBlink = !reducedMotion;
  }, [reducedMotion]);

  useEffect(() => {
    if (terminalRef.current) terminalRef.current.options.screenReaderMode = screenReader;
  }, [screenReader]);

  const toggleScreenReader = () => {
    const next = !screenReader;
    setScreenReader(next);
    saveScreenReaderMode(browserStorage(), next);
  };

  return (
    <div className="terminal-view flex h-full min-h-0 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
        <p id={hintId} className="terminal-view__hint text-muted text-xs">
          {t('terminal.hint')}
        </p>
        {/* The way out, short, where the hint above has no room (it stays the description). */}
        <span className="terminal-view__hint-short text-muted text-xs" aria-hidden="true">
          {t('terminal.hintShort')}
        </span>
        <button
          type="button"
          className="btn text-xs"
          aria-pressed={screenReader}
          onClick={toggleScreenReader}
        >
          {t('terminal.screenReader')}
        </button>
      </div>
      <div className="terminal-view__frame">
        <div
          ref={hostRef}
          role="group"
          aria-label={t('terminal.label')}
          className="min-h-0 min-w-0 flex-1 overflow-hidden"
        />
      </div>
    </div>
  );
}
