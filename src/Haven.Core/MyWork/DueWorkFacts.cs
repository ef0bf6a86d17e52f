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

    private HashSet<int>? _peopleFor;
    private Dictionary<int, Child> _people = [];
    private HashSet<int>? _involvementsFor;
    private List<Involvement> _involvements = [];
    private HashSet<int>? _careFor;
    private IReadOnlyList<CareSpan> _care = [];

    /// Forgets what was read: DueWork calls this before and after asking its sources, so nothing
    /// read is kept past the one question (a save in between would otherwise not be seen).
    public void Clear()
    {
        (_peopleFor, _people, _involvementsFor, _involvements, _careFor, _care) = (null, [], null, [], null, []);
    }

    /// The children asked about (those not deleted), by id.
    public async Task<IReadOnlyDictionary<int, Child>> ChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var asked = childIds.ToHashSet();
        if (asked.Count == 0) return new Dictionary<int, Child>();
        if (_peopleFor is null || !asked.IsSubsetOf(_peopleFor))
        {
            var ids = asked.ToList();
            _people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new Child(p.Id, p.DateOfBirth, p.ExpectedDateOfBirth)).ToDictionaryAsync(p => p.Id, ct);
            _peopleFor = asked;
        }
        return asked.SetEquals(_peopleFor) ? _people : _people.Where(p => asked.Contains(p.Key)).ToDictionary();
    }

    /// The open involvements (no end date) of the children asked about, in the order the database gave them.
    public async Task<IReadOnlyList<Involvement>> OpenInvolvementsAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var asked = childIds.ToHashSet();
        if (asked.Count == 0) return [];
        if (_involvementsFor is null || !asked.IsSubsetOf(_involvementsFor))
        {
            var ids = asked.ToList();
            _involvements = await db.Involvements.AsNoTracking().Where(i => ids.Contains(i.ChildId) && i.EndDate == null).ToListAsync(ct);
            _involvementsFor = asked;
        }
        return asked.SetEquals(_involvementsFor) ? _involvements : _involvements.Where(i => asked.Contains(i.ChildId)).ToList();
    }

    /// Every period of care of the children asked about (ICareSpans), in its order.
    public async Task<IReadOnlyList<CareSpan>> CareSpansAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var asked = childIds.ToHashSet();
        if (asked.Count == 0) return [];
        if (_careFor is null || !asked.IsSubsetOf(_careFor))
        {
            _care = await care.ForChildrenAsync(childIds, ct);
            _careFor = asked;
        }
        return asked.SetEquals(_careFor) ? _care : _care.Where(s => asked.Contains(s.ChildId)).ToList();
    }
}
