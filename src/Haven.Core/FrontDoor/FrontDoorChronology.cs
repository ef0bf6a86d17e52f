using Haven.Core.Chronology;
using Haven.Core.Codes;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.FrontDoor;

/// Contacts and their threshold decisions in the child's chronology. A decision appears once it is
/// signed off (it is final then, and timed from then). The contactor's name and the worry stay on the
/// contact, which only the front door can open, so no link is given here.
public sealed class FrontDoorChronology(HavenDbContext db, NeedContinuum continuum) : IChronologyRowSource
{
    public string Category => "Front door";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.ContactChildren.Any(c => c.ChildId == id);

    /// Part 0 contacts received (N the child's contact row, At received, A source code, B channel);
    /// part 1 threshold decisions signed off (N, At signed off, A level of need, B outcome, C decided
    /// by, D signed off by, Flag a re-referral, null if no referral was opened).
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) =>
        d.ContactChildren.Where(c => c.ChildId == id)
            .Select(c => new ChronologyRow(source, 0, null, null, ChronologyRow.Text(c.Contact.SourceCode), ChronologyRow.Text(c.Contact.Channel.ToString()), null,
                c.Id, null, null, null, c.Contact.ReceivedAt, null))
        .Concat(d.ContactChildren.Where(c => c.ChildId == id && c.SignedOffAt != null && c.Outcome != null)
            .Select(c => new ChronologyRow(source, 1, null, null, ChronologyRow.Text(c.LevelOfNeed), ChronologyRow.Text(c.Outcome!.Value.ToString()),
                c.DecidedBy != null ? ChronologyRow.Text(c.DecidedBy.DisplayName) : null, c.Id, null,
                c.Referral != null ? (bool?)c.Referral.IsReReferral : null, null, c.SignedOffAt,
                c.SignedOffBy != null ? ChronologyRow.Text(c.SignedOffBy.DisplayName) : null)));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    /// Each contact's receipt, then its decision, contact by contact in the order the contacts were read.
    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows)
    {
        var decisions = rows.Where(r => r.Part == 1).ToDictionary(r => r.N!.Value);
        var items = new List<ChronologyItem>();
        foreach (var r in rows.Where(r => r.Part == 0))
        {
            var code = r.A!;
            var source = CodeLists.ReferralSource.Describe(code) is { } d ? $"{code}: {d}" : code;
            items.Add(new(r.Utc, true, Category, $"Contact received (source {source})", Enum.Parse<ContactChannel>(r.B!).Describe(), null, null));
            if (decisions.TryGetValue(r.N!.Value, out var x))
            {
                var detail = $"Level of need: {continuum.Describe(x.A)}"
                    + (x.Flag is { } re ? re ? "; referral opened (a re-referral)" : "; referral opened" : "")
                    + (x.D is { } m ? $"; signed off by {m}" : "");
                items.Add(new(x.Utc, true, Category, $"Threshold decision: {ContactChild.Describe(Enum.Parse<ContactOutcome>(x.B!))}", detail, x.C, null));
            }
        }
        return items;
    }
}
