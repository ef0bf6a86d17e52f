using Haven.Core.Quality;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Quality;

/// Quality assurance at team and service level over a date range: audit grades, agreement between
/// auditors and moderators, themes and feedback, side by side. Figures only: no child is named.
public class IndexModel(QualityFigures figures, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), GovukDate(ErrorMessagePrefix = "Start date")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), GovukDate(ErrorMessagePrefix = "End date")] public DateOnly? To { get; set; }

    public IReadOnlyList<TeamQuality> Teams { get; private set; } = [];
    public GradeSpread Overall { get; private set; } = new(0, 0, 0, 0);
    public AgreementFigures Agreement { get; private set; } = QualityRules.Agreement([]);
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = AuditedChild.Today(clock);
        End = ModelState.IsValid && To is { } t ? t : today;
        Start = ModelState.IsValid && From is { } f ? f : End.AddYears(-1).AddDays(1);
        if (Start > End) { ModelState.AddModelError(nameof(From), "Start date must be on or before the end date"); Start = End.AddYears(-1).AddDays(1); }
        Teams = await figures.ByTeamAsync(Start, End, ct);
        Overall = QualityFigures.Sum(Teams.Select(x => x.Overall));
        Agreement = new AgreementFigures(Teams.Sum(x => x.Agreement.Moderated), Teams.Sum(x => x.Agreement.Agreed), Teams.Sum(x => x.Agreement.WithinOneGrade),
            Teams.Sum(x => x.Agreement.ModeratorHarsher), null) is var a && a.Moderated > 0 ? a with { RatePercent = Math.Round(100.0 * a.Agreed / a.Moderated, 1) } : a;
    }

    public static string Pc(double? v) => v is { } x ? x.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";
    public static string Num(double? v) => v is { } x ? x.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
