/** The id of the user filter's suggestions, which its input names in `list`. */
export const USER_SUGGESTIONS_ID = 'audit-user-suggestions';

/**
 * The user filter's suggestions: USERIDs of the account as a <datalist>. The page carries the
 * first ones; while the user types, htmx asks /audit/users for those that start with the text
 * and replaces this list with the answer.
 */
export function UserSuggestions({ userids }: { userids: readonly string[] }) {
  return (
    <datalist id={USER_SUGGESTIONS_ID}>
      {userids.map((userid) => (
        <option value={userid} />
      ))}
    </datalist>
  );
}
