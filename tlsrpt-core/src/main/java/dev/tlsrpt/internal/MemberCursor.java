package dev.tlsrpt.internal;

/**
 * One JSON object being read against its {@link MemberTable}: where it is (its pointer, built only when a
 * message needs it), the members seen so far, and the name of the current one as sent.
 *
 * @param <E> the object's members
 */
final class MemberCursor<E extends Enum<E>> implements Values.Where {
    final MemberTable<E> table;
    private int policy;
    private int detail;
    private String base = "";
    private int seen;
    private String name = "";

    MemberCursor(MemberTable<E> table, int policy, int detail) {
        this.table = table;
        reset(policy, detail);
    }

    /** The cursor of another object of the same table, at policy {@code i} and failure detail {@code j}. */
    void reset(int i, int j) {
        policy = i;
        detail = j;
        base = "";
        seen = 0;
        name = "";
    }

    /** Whether the member was seen; marks it seen. */
    boolean add(E member, String sentName) {
        int bit = MemberTable.bit(member);
        if ((seen & bit) != 0) {
            return false;
        }
        seen |= bit;
        name = sentName;
        return true;
    }

    boolean has(E member) {
        return (seen & MemberTable.bit(member)) != 0;
    }

    /** Whether every member in {@code mask} (ordinal bits, see {@link MemberTable}) was seen. */
    boolean hasAll(int mask) {
        return (seen & mask) == mask;
    }

    /** The object's pointer, with a trailing slash. */
    String base() {
        if (base.isEmpty()) {
            base = table.base(policy, detail);
        }
        return base;
    }

    /** The pointer of the current member, under the name it was sent with. */
    @Override
    public String pointer() {
        return base() + name;
    }

    /** The current member's name as sent. */
    @Override
    public String name() {
        return name;
    }
}
