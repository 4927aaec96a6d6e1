/**
 * market-reaction/node: reading files and streams in Node.js.
 * @packageDocumentation
 */
export {};
