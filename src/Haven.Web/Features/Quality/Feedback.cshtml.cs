using Haven.Core.Quality;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Quality;

/// Feedback from children, families, carers and partners (recorded on cases) and from families'
/// early help feedback links, by team and service, beside the teams' audit grades.
public class FeedbackModel(QualityFigures figures, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), GovukDate(ErrorMessagePrefix = "Start date")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), GovukDate(ErrorMessagePrefix = "End date")] public DateOnly? To { get; set; }
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public IReadOnlyList<TeamQuality> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        End = ModelState.IsValid && To is { } t ? t : AuditedChild.Today(clock);
        Start = ModelState.IsValid && From is { } f && f <= End ? f : End.AddYears(-1).AddDays(1);
        Teams = (await figures.ByTeamAsync(Start, End, ct)).ToList();
    }
}
