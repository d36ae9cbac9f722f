/** The message left by the previous action (Post/Redirect/Get). */
export function Flash({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div class="flash" role="status">
      <p>{message}</p>
    </div>
  );
}
