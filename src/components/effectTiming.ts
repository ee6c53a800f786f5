/**
 * When the views' useEffect callbacks run: in a microtask after the render, so before the
 * browser handles the next event, as React does for updates that come from user input.
 * Preact's default waits for the next painted frame; until then a listener an effect set up
 * (presenter keys, shortcuts, dialogs) still holds the previous state, and a second key pressed
 * within that frame acted on it (`?` after Escape left the key help closed). Imported for its
 * effect by the app's entry and by the component tests, so both run the same timing.
 */
import { options } from 'preact';

options.requestAnimationFrame = (flush) => queueMicrotask(flush);
