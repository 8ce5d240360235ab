/** Initials on a colour derived from the handle, so every reader is recognisable without uploading a picture. */
export function Avatar({ name, handle, size = 32 }: { name: string; handle: string; size?: number }) {
  const initials =
    name
      .split(/\s+/)
      .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ""))
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => [...word][0]!.toUpperCase())
      .join("") || handle[0]!.toUpperCase();
  let hash = 0;
  for (const char of handle) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return (
    <span className="avatar" aria-hidden="true" style={{ width: size, height: size, fontSize: size * 0.4, backgroundColor: `hsl(${hash} 45% 42%)` }}>
      {initials}
    </span>
  );
}
