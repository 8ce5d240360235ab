/** Reads a Server-Sent Events body until it ends (or is aborted), handing over each frame's text; resolves when it ends. */
export async function readSseFrames(body: ReadableStream<Uint8Array>, onFrame: (frame: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        onFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // Closed by the test.
  }
}
