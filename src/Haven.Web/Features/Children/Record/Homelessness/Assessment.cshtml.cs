using Haven.Core.Data;
using Haven.Core.Homelessness;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Homelessness;

/// One homelessness assessment: temporary accommodation (bed and breakfast flagged as a breach),
/// the options step with the young person's informed decision, and closure. Each part is its own
/// small form; the options step and closure carry the Version so a stale form is caught.
public class AssessmentModel(HavenDbContext db, HomelessnessService homelessness, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public AccommodationType? StayType { get; set; }
    [BindProperty] public string? StayAddress { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the stay started")] public DateOnly? StayFrom { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the stay ended")] public DateOnly? StayTo { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the options were explained")] public DateOnly? ExplainedOn { get; set; }
    [BindProperty] public OptionsExplainedHow? ExplainedHow { get; set; }
    [BindProperty] public string? SaidTheyUnderstood { get; set; }
    [BindProperty] public string? AdvocateOffered { get; set; }
    [BindProperty] public string? AdvocateTakenUp { get; set; }
    [BindProperty] public string? AdvocateName { get; set; }
    [BindProperty] public HomelessDecision? Decision { get; set; }
    [BindProperty] public string? InOwnWords { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Closing date")] public DateOnly? ClosedOn { get; set; }
    [BindProperty] public HomelessOutcome? Outcome { get; set; }
    [BindProperty] public string? ClosureNotes { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public HomelessnessAssessment Assessment { get; private set; } = null!;
    /// Set when a save failed because someone else saved first: what they saved.
    public HomelessnessAssessment? Theirs { get; private set; }

    public static IEnumerable<SelectListItem> StayTypeItems => Enum.GetValues<AccommodationType>().Select(t => new SelectListItem(HomelessnessAssessment.Describe(t), t.ToString()));
    public static IEnumerable<SelectListItem> HowItems => Enum.GetValues<OptionsExplainedHow>().Select(t => new SelectListItem(HomelessnessAssessment.Describe(t), t.ToString()));
    public static IEnumerable<SelectListItem> DecisionItems => Enum.GetValues<HomelessDecision>().Select(t => new SelectListItem(HomelessnessAssessment.Describe(t), t.ToString()));
    public static IEnumerable<SelectListItem> OutcomeItems => Enum.GetValues<HomelessOutcome>().Select(t => new SelectListItem(HomelessnessAssessment.Describe(t), t.ToString()));
    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    public async Task<IActionResult> OnGetAsync(int childId, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, assessmentId, ct)) return NotFound();
        Version = Assessment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostStayAsync(int childId, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, assessmentId, ct)) return NotFound();
        Only(nameof(StayType), nameof(StayAddress), nameof(StayFrom), nameof(StayTo));
        ModelState.Remove(nameof(StayType));
        var options = new AddStayOptions(StayType, StayAddress, StayFrom, StayTo);
        if (!ModelState.IsValid)
        {
            foreach (var (f, m) in HomelessnessRules.Validate(options, Assessment.PresentedOn, Today)) Error(f, m);
            return Page();
        }
        var errors = await homelessness.AddStayAsync(assessmentId, options, ct);
        foreach (var (f, m) in errors) Error(f, m);
        if (errors.Count > 0) return Page();
        TempData["Notice"] = StayType == AccommodationType.BedAndBreakfast
            ? "Stay recorded. Bed and breakfast is not suitable for a 16- or 17-year-old: this is recorded as a breach"
            : "Stay recorded";
        return Redirect($"/children/{childId}/homelessness/{assessmentId}");
    }

    public async Task<IActionResult> OnPostOptionsAsync(int childId, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, assessmentId, ct)) return NotFound();
        Only(nameof(ExplainedOn), nameof(ExplainedHow), nameof(SaidTheyUnderstood), nameof(AdvocateOffered), nameof(AdvocateTakenUp), nameof(AdvocateName),
            nameof(Decision), nameof(InOwnWords));
        ModelState.Remove(nameof(ExplainedHow));
        ModelState.Remove(nameof(Decision));
        var options = new RecordOptionsStep(ExplainedOn, ExplainedHow, YesNoOf(SaidTheyUnderstood), YesNoOf(AdvocateOffered), YesNoOf(AdvocateTakenUp),
            AdvocateName, Decision, InOwnWords);
        if (!ModelState.IsValid)
        {
            foreach (var (f, m) in HomelessnessRules.Validate(options, Assessment.PresentedOn, Today)) Error(f, m);
            return Page();
        }
        return await SaveAsync(() => homelessness.RecordOptionsAsync(assessmentId, Version, options, ct), childId, assessmentId,
            options.SaidTheyUnderstood == false ? "Options step recorded. They did not say they understood: explain their options again in another way" : "Options step recorded", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(int childId, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, assessmentId, ct)) return NotFound();
        Only(nameof(ClosedOn), nameof(Outcome), nameof(ClosureNotes));
        ModelState.Remove(nameof(Outcome));
        var options = new CloseHomelessnessOptions(ClosedOn, Outcome, ClosureNotes);
        if (!ModelState.IsValid)
        {
            foreach (var (f, m) in HomelessnessRules.Validate(options, Assessment.PresentedOn, Today)) Error(f, m);
            return Page();
        }
        return await SaveAsync(() => homelessness.CloseAsync(assessmentId, Version, options, ct), childId, assessmentId, "Homelessness assessment closed", ct);
    }

    private static bool? YesNoOf(string? v) => v switch { "yes" => true, "no" => false, _ => null };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<IActionResult> SaveAsync(Func<Task<IReadOnlyList<(string Field, string Message)>>> save, int childId, int assessmentId, string notice, CancellationToken ct)
    {
        try
        {
            var errors = await save();
            foreach (var (f, m) in errors) Error(f, m);
            if (errors.Count > 0) return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(childId, assessmentId, ct);
            Theirs = Assessment;
            Version = Assessment.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this assessment while you were editing it. Their version is shown below and your answers are still in the form: check them, then save again to keep yours");
            return Page();
        }
        TempData["Notice"] = notice;
        return Redirect($"/children/{childId}/homelessness/{assessmentId}");
    }

    private void Only(params string[] fields)
    {
        foreach (var key in ModelState.Keys.ToList())
            if (key != nameof(Version) && !fields.Any(f => key == f || key.StartsWith(f + ".", StringComparison.Ordinal))) ModelState.Remove(key);
    }

    private void Error(string field, string message)
    {
        if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
    }

    private async Task<bool> LoadAsync(int childId, int assessmentId, CancellationToken ct)
    {
        var a = await db.HomelessnessAssessments.AsNoTracking().Include(x => x.Stays).FirstOrDefaultAsync(x => x.Id == assessmentId && x.ChildId == childId, ct);
        if (a is null) return false;
        Assessment = a;
        Header = (await ChildHeader.LoadAsync(db, childId, "homelessness", Today, ct))!;
        return true;
    }
}
