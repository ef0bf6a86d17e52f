using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record.Care;

/// Time with family: who the child spends time with, how often, whether it is supervised, and how
/// each session went.
public class FamilyTimeModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<ContactArrangement> Arrangements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        Arrangements = (await CourtAndFamilyRecord.LoadAsync(db, childId, ct)).Arrangements;
        return Page();
    }

    public static string Describe(FamilyMember m) => m switch
    {
        FamilyMember.OtherRelative => "Other relative",
        _ => m.ToString(),
    };
}
