using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.Health;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Health;

public class AddModel(HavenDbContext db, HealthRecordService health, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), Required(ErrorMessage = "Select what you are recording")]
    public HealthRecordKind? Kind { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the date"), GovukDate(ErrorMessagePrefix = "Date")]
    public DateOnly? Date { get; set; }

    [BindProperty, StringLength(200, ErrorMessage = "Who carried it out must be 200 characters or fewer")]
    public string? By { get; set; }

    [BindProperty]
    public string? UpToDate { get; set; }

    [BindProperty]
    public string? SdqScore { get; set; }

    [BindProperty]
    public string? SdqReasonCode { get; set; }

    /// Substance misuse: "yes"/"no" for an intervention received, and offered and refused.
    [BindProperty]
    public string? InterventionReceived { get; set; }

    [BindProperty]
    public string? InterventionOfferedRefused { get; set; }

    /// Conviction or youth caution: which.
    [BindProperty]
    public string? OffenceOutcome { get; set; }

    [BindProperty, StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [BindProperty, StringLength(500, ErrorMessage = "Outcome must be 500 characters or fewer")]
    public string? Outcome { get; set; }

    [BindProperty, GovukDate(ErrorMessagePrefix = "Outcome date")]
    public DateOnly? OutcomeDate { get; set; }

    [BindProperty, StringLength(HealthRecordService.MaxNotes, ErrorMessage = "Notes must be 4,000 characters or fewer")]
    public string? Notes { get; set; }

    [BindProperty]
    public Guid SubmissionId { get; set; }
    /// When correcting: the record being corrected, the version the user saw, and why.
    [BindProperty(SupportsGet = true)]
    public int? Corrects { get; set; }
    [BindProperty]
    public Guid? CorrectsVersion { get; set; }
    [BindProperty, StringLength(500, ErrorMessage = "Reason for the correction must be 500 characters or fewer")]
    public string? CorrectionReason { get; set; }
    public HealthRecord? Corrected { get; private set; }

    public ChildHeader Header { get; private set; } = null!;

    public static IEnumerable<SelectListItem> KindItems => new[] { new SelectListItem("Select", "") }.Concat(Enum.GetValues<HealthRecordKind>()
        .Where(k => k != HealthRecordKind.HistorySummaryGiven)
        .Select(k => new SelectListItem(HealthRecord.Describe(k), k.ToString())));

    public static IEnumerable<SelectListItem> ReasonItems =>
        new[] { new SelectListItem("Not applicable: a score was given", "") }
            .Concat(CodeLists.SdqReason.All.Select(c => new SelectListItem($"{c.Value}: {c.Description}", c.Value)));

    public static readonly IReadOnlyList<SelectListItem> YesNoItems = [new("Yes", "yes"), new("No", "no")];

    public static IEnumerable<SelectListItem> OffenceOutcomeItems => Enum.GetValues<OffenceOutcome>()
        .Select(o => new SelectListItem(HealthRecord.Describe(o), o.ToString()));

    private static string? YesNo(bool? b) => b is { } v ? (v ? "yes" : "no") : null;

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        if (Corrects is not null)
        {
            if (Corrected is not { } r) return NotFound();
            (Kind, Date, By, UpToDate, SdqScore, SdqReasonCode, Title, Outcome, OutcomeDate, Notes, CorrectsVersion) =
                (r.Kind, r.Date, r.By, YesNo(r.UpToDate), r.SdqScore?.ToString(), r.SdqReasonCode, r.Title, r.Outcome, r.OutcomeDate, r.Notes, r.Version);
            (InterventionReceived, InterventionOfferedRefused, OffenceOutcome) = (YesNo(r.InterventionReceived), YesNo(r.InterventionOfferedRefused), r.OffenceOutcome?.ToString());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        int? score = null;
        if (!string.IsNullOrWhiteSpace(SdqScore))
        {
            if (int.TryParse(SdqScore.Trim(), out var s)) score = s;
            else ModelState.AddModelError(nameof(SdqScore), "Total score must be a whole number from 0 to 40");
        }
        if (UpToDate is not (null or "yes" or "no")) ModelState.AddModelError(nameof(UpToDate), "Select whether immunisations are up to date");
        if (InterventionReceived is not (null or "yes" or "no")) ModelState.AddModelError(nameof(InterventionReceived), "Select whether the child received an intervention for substance misuse");
        if (InterventionOfferedRefused is not (null or "yes" or "no")) ModelState.AddModelError(nameof(InterventionOfferedRefused), "Select whether an intervention was offered and refused");
        OffenceOutcome? offence = null;
        if (!string.IsNullOrEmpty(OffenceOutcome))
        {
            if (Enum.TryParse<OffenceOutcome>(OffenceOutcome, out var oo) && Enum.IsDefined(oo)) offence = oo;
            else ModelState.AddModelError(nameof(OffenceOutcome), "Select whether it was a conviction, a youth caution or a youth conditional caution");
        }
        if (!ModelState.IsValid) return await RedisplayAsync(childId, ct);

        var options = new AddHealthRecordOptions(childId, Kind!.Value, Date!.Value, By, UpToDate is null ? null : UpToDate == "yes",
            score, SdqReasonCode, Title, Outcome, OutcomeDate, Notes, SubmissionId == Guid.Empty ? null : SubmissionId,
            InterventionReceived is null ? null : InterventionReceived == "yes", InterventionOfferedRefused is null ? null : InterventionOfferedRefused == "yes", offence);
        var dob = await db.People.Where(p => p.Id == childId).Select(p => p.DateOfBirth).FirstAsync(ct);
        foreach (var (field, message) in HealthRecordService.Validate(options, Today, dob))
            ModelState.AddModelError(field, message);
        if (Corrects is not null && string.IsNullOrWhiteSpace(CorrectionReason)) ModelState.AddModelError(nameof(CorrectionReason), "Enter the reason for the correction");
        if (!ModelState.IsValid) return await RedisplayAsync(childId, ct);
        if (Corrects is { } oldId)
        {
            var (_, conflict) = await health.CorrectAsync(oldId, CorrectsVersion ?? Guid.Empty, CorrectionReason!, options, CurrentWorker.From(User)!, ct);
            if (conflict is not null)
            {
                ModelState.AddModelError(nameof(CorrectionReason), conflict);
                return await RedisplayAsync(childId, ct);
            }
            TempData["Notice"] = $"{HealthRecord.Describe(options.Kind)} corrected; the record as it was is kept";
            return Redirect($"/children/{childId}/health");
        }
        await health.AddAsync(options, CurrentWorker.From(User)!, ct);
        TempData["Notice"] = $"{HealthRecord.Describe(options.Kind)} recorded";
        return Redirect($"/children/{childId}/health");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<IActionResult> RedisplayAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        return Page();
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "health", Today, ct))!;
        if (Corrects is { } id)
            Corrected = await db.HealthRecords.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == id && r.ChildId == childId, ct);
    }
}
