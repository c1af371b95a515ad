/** Slack's three entities, decoded the way Slack displays them: &amp; last so "&amp;lt;" stays "&lt;". */
export const decodeSlackEntities = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
