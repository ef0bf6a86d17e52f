using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education.Inclusion;
using Haven.Core.Missing;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Inclusion;

public class MissingEducationActionModel(HavenDbContext db, InclusionService inclusion, TimeProvider clock) : InclusionPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the action"), GovukDate(ErrorMessagePrefix = "The date of the action")]
    public DateOnly? TakenOn { get; set; }
    [BindProperty] public string? Action { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public MissingEducation Referral { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int childId, int cmeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, cmeId, ct)) return NotFound();
        Version = Referral.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int cmeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, cmeId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        AddErrors(inclusion.ValidateAction(Referral, TakenOn!.Value, Action, Outcome));
        if (!ModelState.IsValid) return Page();
        try
        {
            await inclusion.AddActionAsync(Referral, TakenOn!.Value, Action!, Outcome, CurrentWorker.From(User), Version ?? Guid.Empty, ct);
        }
        catch (StaleRecordException)
        {
            Db.ChangeTracker.Clear();
            await LoadAsync(childId, cmeId, ct);
            Version = Referral.Version;
            ModelState.AddModelError(nameof(TakenOn), "Someone else changed this referral while you were working on it. Check it, then save again if your action is still to record");
            return Page();
        }
        TempData["Notice"] = "Tracking action recorded";
        return Redirect($"/children/{childId}/inclusion");
    }

    private async Task<bool> LoadAsync(int childId, int id, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        var m = await Db.MissingEducations.Include(x => x.Actions).FirstOrDefaultAsync(x => x.Id == id && x.ChildId == childId, ct);
        if (m is null) return false;
        Referral = m;
        return true;
    }
}
