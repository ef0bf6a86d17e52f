using Haven.Core.Data;
using Haven.Core.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// The plan in plain language for the family to keep: no record navigation on screen or paper.
public class PrintModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public Plan Record { get; private set; } = null!;
    public PlanVersion Shown { get; private set; } = null!;
    public string? Worker { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int planId, int? number, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.ChildId == childId, ct);
        if (plan is null) return NotFound();
        Record = plan;
        var n = number is { } x && x >= 1 && x <= plan.CurrentVersionNumber ? x : plan.CurrentVersionNumber;
        if (await PlanContentForm.ReadVersionAsync(db, planId, n, ct) is not { } shown) return NotFound();
        Shown = shown;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Worker = await db.Allocations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .OrderBy(a => a.Kind).Select(a => a.Worker.DisplayName).FirstOrDefaultAsync(ct);
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", today, ct))!;
        return Page();
    }

    /// "Attend the course" reads as "Mum will attend the course": lower-case the first word unless it
    /// is an acronym or a name written in capitals.
    public static string AsVerb(string what)
    {
        var text = what.Trim().TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    /// Plain words for the kind of plan, as a family would say it.
    public string Title => Record.Kind switch
    {
        PlanKind.ChildInNeed => $"Our plan to help {Header.Name}",
        PlanKind.ChildProtection => $"Our plan to keep {Header.Name} safe",
        PlanKind.Care => $"The care plan for {Header.Name}",
        PlanKind.Pathway => $"{Header.Name}'s pathway plan",
        _ => $"The plan for {Header.Name}",
    };
}
