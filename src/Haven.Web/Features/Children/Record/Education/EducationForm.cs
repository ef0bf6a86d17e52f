using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Haven.Core.Education;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.Education;

/// The education record's fields, shared by recording (Add) and correcting (Correct) one, with
/// the partial _EducationFields that shows them.
public abstract class EducationForm : PageModel
{
    [BindProperty(SupportsGet = true), Required(ErrorMessage = "Select what you are recording")]
    public EducationRecordKind? Kind { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the date"), GovukDate(ErrorMessagePrefix = "Date")]
    public DateOnly? Date { get; set; }

    [BindProperty, StringLength(200, ErrorMessage = "School name must be 200 characters or fewer")]
    public string? SchoolName { get; set; }

    [BindProperty] public string? YearGroup { get; set; }
    [BindProperty] public SchoolTerm? Term { get; set; }
    [BindProperty] public string? AttendancePercent { get; set; }
    [BindProperty] public SenStatus? Sen { get; set; }
    [BindProperty] public string? KeyStage { get; set; }
    [BindProperty] public ProgressRating? Progress { get; set; }
    [BindProperty] public Post16Activity? Activity { get; set; }
    [BindProperty] public ExclusionKind? Exclusion { get; set; }
    [BindProperty] public string? DaysExcluded { get; set; }

    [BindProperty, StringLength(500, ErrorMessage = "Link must be 500 characters or fewer")]
    public string? Link { get; set; }

    [BindProperty, StringLength(4000, ErrorMessage = "Notes must be 4,000 characters or fewer")]
    public string? Notes { get; set; }

    [BindProperty] public Guid SubmissionId { get; set; }

    private static IEnumerable<SelectListItem> Blank(string text) => [new SelectListItem(text, "")];

    public static IEnumerable<SelectListItem> KindItems => Blank("Select")
        .Concat(Enum.GetValues<EducationRecordKind>().Select(k => new SelectListItem(EducationRecord.Describe(k), k.ToString())));
    public static IEnumerable<SelectListItem> YearGroupItems => Blank("Not applicable")
        .Concat(Enumerable.Range(-1, 15).Select(y => new SelectListItem(EducationRecord.DescribeYearGroup(y), y.ToString(CultureInfo.InvariantCulture))));
    public static IEnumerable<SelectListItem> TermItems => Enum.GetValues<SchoolTerm>().Select(t => new SelectListItem($"{t} term", t.ToString()));
    public static IEnumerable<SelectListItem> SenItems => Blank("Not applicable")
        .Concat(Enum.GetValues<SenStatus>().Select(s => new SelectListItem(EducationRecord.Describe(s), s.ToString())));
    public static IEnumerable<SelectListItem> KeyStageItems => Blank("Not applicable")
        .Concat(Enumerable.Range(1, 5).Select(k => new SelectListItem($"Key stage {k}", k.ToString(CultureInfo.InvariantCulture))));
    public static IEnumerable<SelectListItem> ProgressItems => Blank("Not applicable")
        .Concat(Enum.GetValues<ProgressRating>().Select(p => new SelectListItem(EducationRecord.Describe(p), p.ToString())));
    public static IEnumerable<SelectListItem> ActivityItems => Blank("Not applicable")
        .Concat(Enum.GetValues<Post16Activity>().Select(a => new SelectListItem(EducationRecord.Describe(a), a.ToString())));
    public static IEnumerable<SelectListItem> ExclusionItems => Blank("Not applicable")
        .Concat(Enum.GetValues<ExclusionKind>().Select(x => new SelectListItem(x == ExclusionKind.Permanent ? "Permanent exclusion" : "Suspension", x.ToString())));

    /// The options from the posted fields, or null with the errors in ModelState.
    protected AddEducationRecordOptions? ReadOptions(int childId, DateOnly today)
    {
        var year = ParseInt(YearGroup, nameof(YearGroup), "Select the year group");
        var stage = ParseInt(KeyStage, nameof(KeyStage), "Select the key stage (1 to 5)");
        var days = ParseInt(DaysExcluded, nameof(DaysExcluded), "Days must be a whole number from 0 to 200");
        decimal? percent = null;
        if (!string.IsNullOrWhiteSpace(AttendancePercent))
        {
            if (decimal.TryParse(AttendancePercent.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var p)) percent = p;
            else ModelState.AddModelError(nameof(AttendancePercent), "Attendance must be a number from 0 to 100, for example 92.5");
        }
        if (Kind is null || Date is null) return null;

        var options = new AddEducationRecordOptions(childId, Kind!.Value, Date!.Value)
        {
            SchoolName = SchoolName, YearGroup = year, Term = Term, AttendancePercent = percent, Sen = Sen, KeyStage = stage,
            Progress = Progress, Activity = Activity, Exclusion = Exclusion, DaysExcluded = days, Link = Link, Notes = Notes,
            SubmissionId = SubmissionId == Guid.Empty ? null : SubmissionId,
        };
        foreach (var (field, message) in EducationRecordService.Validate(options, today))
            if (ModelState[field] is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        return ModelState.IsValid ? options : null;
    }

    /// Fills the fields from a record, to correct it.
    protected void Fill(EducationRecord r)
    {
        Kind = r.Kind;
        Date = r.Date;
        SchoolName = r.SchoolName;
        YearGroup = r.YearGroup?.ToString(CultureInfo.InvariantCulture);
        Term = r.Term;
        AttendancePercent = r.AttendancePercent?.ToString("0.0", CultureInfo.InvariantCulture);
        Sen = r.Sen;
        KeyStage = r.KeyStage?.ToString(CultureInfo.InvariantCulture);
        Progress = r.Progress;
        Activity = r.Activity;
        Exclusion = r.Exclusion;
        DaysExcluded = r.DaysExcluded?.ToString(CultureInfo.InvariantCulture);
        Link = r.Link;
        Notes = r.Notes;
    }

    private int? ParseInt(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddModelError(field, message);
        return null;
    }
}
