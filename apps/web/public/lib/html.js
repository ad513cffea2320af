// The UI library, served by the service from its own node_modules (/vendor): Preact with hooks,
// and htm for markup in tagged templates, so no build step stands between a change and the page.
import { h, render } from '/vendor/preact.mjs';
import { useCallback, useEffect, useMemo, useRef, useState } from '/vendor/hooks.mjs';
import htm from '/vendor/htm.mjs';

export const html = htm.bind(h);
export { render, useCallback, useEffect, useMemo, useRef, useState };
