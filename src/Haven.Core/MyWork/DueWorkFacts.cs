using Haven.Core.ChildrenInCare;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.MyWork;

/// What several due-work sources read about the same children: their dates of birth (an unborn
/// child has an expected date instead), their open involvements and their periods in care. Read once per request (one
/// scope) for the children asked about, instead of once by each source: My work, the team view
/// and the summary sent the same People and Involvements queries five times each. A later call
/// about the same children, or some of them, is answered from what was read.
public sealed class DueWorkFacts(HavenDbContext db, ICareSpans care)
{
    public sealed record Child(int Id, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth)
    {
        public bool IsUnborn => DateOfBirth is null && ExpectedDateOfBirth is not null;
    }

    /// One kind of fact, read for a set of children and answered from memory for that set or any part of it.
    private sealed class Facts<T>(Func<T, int> childOf)
    {
        private HashSet<int>? _for;
        private List<T> _rows = [];

        public void Clear() => (_for, _rows) = (null, []);

        public async Task<IReadOnlyList<T>> ForAsync(IReadOnlyCollection<int> childIds, Func<List<int>, Task<List<T>>> read)
        {
            var asked = childIds.ToHashSet();
            if (asked.Count == 0) return [];
            if (_for is null || !asked.IsSubsetOf(_for)) (_rows, _for) = (await read(asked.ToList()), asked);
            return asked.SetEquals(_for) ? _rows : _rows.Where(r => asked.Contains(childOf(r))).ToList();
        }
    }

    private readonly Facts<Child> _people = new(c => c.Id);
    private readonly Facts<Involvement> _involvements = new(i => i.ChildId);
    private readonly Facts<CareSpan> _care = new(s => s.ChildId);

    /// Forgets what was read: DueWork calls this before and after asking its sources, so nothing
    /// read is kept past the one question (a save in between would otherwise not be seen).
    public void Clear()
    {
        _people.Clear();
        _involvements.Clear();
        _care.Clear();
    }

    /// The children asked about (those not deleted), by id.
    public async Task<IReadOnlyDictionary<int, Child>> ChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct) =>
        (await _people.ForAsync(childIds, ids => db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Child(p.Id, p.DateOfBirth, p.ExpectedDateOfBirth)).ToListAsync(ct))).ToDictionary(c => c.Id);

    /// The open involvements (no end date) of the children asked about, in the order the database gave them.
    public Task<IReadOnlyList<Involvement>> OpenInvolvementsAsync(IReadOnlyCollection<int> childIds, CancellationToken ct) =>
        _involvements.ForAsync(childIds, ids => db.Involvements.AsNoTracking().Where(i => ids.Contains(i.ChildId) && i.EndDate == null).ToListAsync(ct));

    /// Every period of care of the children asked about (ICareSpans), in its order.
    public Task<IReadOnlyList<CareSpan>> CareSpansAsync(IReadOnlyCollection<int> childIds, CancellationToken ct) =>
        _care.ForAsync(childIds, async ids => (await care.ForChildrenAsync(ids, ct)).ToList());
}
