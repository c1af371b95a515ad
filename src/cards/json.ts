/*
 * Readers for Block Kit JSON whose shape is not trusted (the limit checker and the terminal renderer both walk
 * payloads that may have been built elsewhere).
 */

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value when it is an array, otherwise no items. */
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
