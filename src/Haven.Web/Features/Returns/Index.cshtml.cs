using System.Globalization;
using System.IO.Compression;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Returns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Returns;

/// The statutory returns: each registered producer with its period (a collection year, or an "as
/// at" day for Ofsted Annex A) and a download of its files as a zip. Every download is logged.
public class IndexModel(IEnumerable<IStatutoryReturnProducer> producers, HavenDbContext db, AccessLog log, TimeProvider clock) : PageModel
{
    public sealed record Offer(IStatutoryReturnProducer Producer, bool AsAt)
    {
        public string Key => Producer.Return.ToString();
    }

    public IReadOnlyList<Offer> Offers { get; private set; } = [];
    public int DefaultYear { get; private set; }
    public DateOnly Today { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public Dictionary<string, string?> Values { get; } = [];

    /// Annex A is "as at" a day; the other returns cover a collection year.
    public static bool IsAsAt(StatutoryReturn r) => r == StatutoryReturn.AnnexA;

    private void Load()
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // The latest complete collection year, the one a council submits after 31 March.
        DefaultYear = ReturnPeriod.CollectionYearOf(Today) - 1;
        Offers = producers.Select(p => new Offer(p, IsAsAt(p.Return))).ToList();
    }

    public void OnGet() => Load();

    /// GET /returns?handler=download&return=CinCensus&year=2026 (or &asAt=2026-03-31).
    public async Task<IActionResult> OnGetDownloadAsync([FromQuery(Name = "return")] string? kind, string? year, string? asAt, CancellationToken ct)
    {
        Load();
        var offer = Offers.FirstOrDefault(o => string.Equals(o.Key, kind, StringComparison.OrdinalIgnoreCase));
        if (offer is null) return NotFound();
        ReturnPeriod period;
        if (offer.AsAt)
        {
            Values[offer.Key] = asAt;
            if (!DateOnly.TryParseExact(asAt?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Errors[offer.Key] = "Enter the \"as at\" date as year-month-day, for example 2026-03-31";
                return Page();
            }
            if (day > Today)
            {
                Errors[offer.Key] = "The \"as at\" date must be today or in the past";
                return Page();
            }
            // Annex A's window is the six months ending on the "as at" day (its 12-month counts look back from End),
            // the same as `returns annex-a --as-at`: the producer takes the period as the window.
            period = Haven.Core.Returns.AnnexA.AnnexAReturn.WindowEnding(day);
        }
        else
        {
            Values[offer.Key] = year;
            if (!int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2000 || y > 2100)
            {
                Errors[offer.Key] = "Enter the collection year as 4 digits, for example 2026 for April 2025 to March 2026";
                return Page();
            }
            if (ReturnPeriod.CollectionYear(y).Start > Today)
            {
                Errors[offer.Key] = "The collection year must have started";
                return Page();
            }
            period = ReturnPeriod.CollectionYear(y);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"haven-return-{Guid.NewGuid():N}");
        try
        {
            var files = await offer.Producer.WriteAsync(db, period, folder, ct);
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var file in files)
                    await archive.CreateEntryFromFileAsync(file, Path.GetRelativePath(folder, file), CompressionLevel.Optimal, ct);
            var worker = CurrentWorker.From(User)!;
            await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Export, null, Request.Path + Request.QueryString,
                $"{offer.Producer.Title} {period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}: {files.Count} files"), ct);
            var name = $"{offer.Key.ToLowerInvariant()}-{(offer.AsAt ? period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ReturnPeriod.CollectionYearOf(period.End).ToString(CultureInfo.InvariantCulture))}.zip";
            return File(zip.ToArray(), "application/zip", name);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
