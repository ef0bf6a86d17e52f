using Haven.Core.Chronology;
using Haven.Core.Codes;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.FrontDoor;

/// Contacts and their threshold decisions in the child's chronology. A decision appears once it is
/// signed off (it is final then, and timed from then). The contactor's name and the worry stay on the
/// contact, which only the front door can open, so no link is given here.
public sealed class FrontDoorChronology(HavenDbContext db, NeedContinuum continuum) : IChronologySource
{
    public string Category => "Front door";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.ContactChildren.Any(c => c.ChildId == id);

    private sealed record Row(DateTime ReceivedAt, string SourceCode, ContactChannel Channel, string? LevelOfNeed, ContactOutcome? Outcome,
        DateTime? SignedOffAt, string? DecidedBy, string? SignedOffBy, bool? ReReferral);

    private static readonly ChildRows<Row> Rows = new((d, id) => d.ContactChildren.Where(c => c.ChildId == id)
        .Select(c => new Row(c.Contact.ReceivedAt, c.Contact.SourceCode, c.Contact.Channel, c.LevelOfNeed, c.Outcome, c.SignedOffAt,
            c.DecidedBy != null ? c.DecidedBy.DisplayName : null,
            c.SignedOffBy != null ? c.SignedOffBy.DisplayName : null,
            c.Referral != null ? (bool?)c.Referral.IsReReferral : null)));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var rows = await Rows.ListAsync(db, childId, ct);
        var items = new List<ChronologyItem>();
        foreach (var r in rows)
        {
            var source = CodeLists.ReferralSource.Describe(r.SourceCode) is { } d ? $"{r.SourceCode}: {d}" : r.SourceCode;
            items.Add(new(r.ReceivedAt, true, Category, $"Contact received (source {source})", r.Channel.Describe(), null, null));
            if (r.SignedOffAt is { } at && r.Outcome is { } outcome)
            {
                var detail = $"Level of need: {continuum.Describe(r.LevelOfNeed)}"
                    + (r.ReReferral is { } re ? re ? "; referral opened (a re-referral)" : "; referral opened" : "")
                    + (r.SignedOffBy is { } m ? $"; signed off by {m}" : "");
                items.Add(new(at, true, Category, $"Threshold decision: {ContactChild.Describe(outcome)}", detail, r.DecidedBy, null));
            }
        }
        return items;
    }
}
