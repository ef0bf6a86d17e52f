using Haven.Core.Allocations;
using Haven.Core.Calendar;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Missing;

public enum TakeUpMeasure { Returns, Offered, OfferedInTime, Accepted, Declined, Completed }

public enum TakeUpGrouping { Team, Setting, Month }

/// One return from missing, as take-up counts it: the team that held the child's case on the day
/// of return, where they went missing from, and what became of the interview.
public sealed record TakeUpEpisode(int EpisodeId, int ChildId, DateTime ReturnedAt, MissingFrom From, int? TeamId, string Team,
    bool Offered, bool OfferedInTime, bool Accepted, bool Declined, bool Completed)
{
    public string Month => ReturnedAt.ToString("yyyy-MM");

    public string KeyFor(TakeUpGrouping g) => g switch
    {
        TakeUpGrouping.Team => TeamId?.ToString() ?? "none",
        TakeUpGrouping.Setting => From.ToString(),
        _ => Month,
    };

    public string LabelFor(TakeUpGrouping g) => g switch
    {
        TakeUpGrouping.Team => Team,
        TakeUpGrouping.Setting => From == MissingFrom.Care ? "Missing from care" : "Missing from home",
        _ => new DateOnly(ReturnedAt.Year, ReturnedAt.Month, 1).ToString("MMMM yyyy"),
    };

    public bool Counts(TakeUpMeasure m) => m switch
    {
        TakeUpMeasure.Returns => true,
        TakeUpMeasure.Offered => Offered,
        TakeUpMeasure.OfferedInTime => OfferedInTime,
        TakeUpMeasure.Accepted => Accepted,
        TakeUpMeasure.Declined => Declined,
        _ => Completed,
    };
}

public sealed record TakeUpRow(string Key, string Label, IReadOnlyDictionary<TakeUpMeasure, int> Counts)
{
    /// Completed interviews as a share of returns: the figure the inspection said had stalled.
    public double? CompletedShare => Counts[TakeUpMeasure.Returns] == 0 ? null : (double)Counts[TakeUpMeasure.Completed] / Counts[TakeUpMeasure.Returns];
}

/// Return home interview take-up, computed live from the episodes: never a stored report.
public sealed class ReturnHomeInterviewTakeUp(ReportingDbContext db)
{
    public async Task<IReadOnlyList<TakeUpEpisode>> EpisodesAsync(DateTime from, DateTime to, CancellationToken ct = default)
    {
        var episodes = await db.MissingEpisodes.AsNoTracking()
            .Where(e => e.ReturnedAt != null && e.ReturnedAt >= from && e.ReturnedAt < to)
            .Select(e => new
            {
                e.Id, e.ChildId, ReturnedAt = e.ReturnedAt!.Value, e.From,
                OfferedAt = e.Interview == null ? (DateTime?)null : e.Interview.OfferedAt,
                Response = e.Interview == null ? InterviewResponse.NotYetKnown : e.Interview.Response,
                CompletedAt = e.Interview == null ? null : e.Interview.CompletedAt,
            }).ToListAsync(ct);
        var childIds = episodes.Select(e => e.ChildId).Distinct().ToList();
        var allocations = new List<(int ChildId, int TeamId, string Team, DateOnly Start, DateOnly? End)>();
        foreach (var chunk in childIds.Chunk(1000))
            allocations.AddRange((await db.Allocations.AsNoTracking()
                .Where(a => chunk.Contains(a.ChildId) && a.Kind == AllocationKind.SocialWorker)
                .Select(a => new { a.ChildId, a.TeamId, Team = a.Team.Name, a.StartDate, a.EndDate }).ToListAsync(ct))
                .Select(a => (a.ChildId, a.TeamId, a.Team, a.StartDate, a.EndDate)));
        var byChild = allocations.ToLookup(a => a.ChildId);
        return episodes.Select(e =>
        {
            var day = DateOnly.FromDateTime(e.ReturnedAt);
            var team = byChild[e.ChildId].Where(a => a.Start <= day && (a.End is null || a.End >= day)).OrderByDescending(a => a.Start)
                .Select(a => ((int, string)?)(a.TeamId, a.Team)).FirstOrDefault();
            var offered = e.OfferedAt is not null;
            return new TakeUpEpisode(e.Id, e.ChildId, e.ReturnedAt, e.From, team?.Item1, team?.Item2 ?? "No allocated team",
                offered, offered && e.OfferedAt <= Timescales.ReturnHomeInterview.DueFrom(e.ReturnedAt),
                e.Response == InterviewResponse.Accepted, e.Response == InterviewResponse.Declined, e.CompletedAt is not null);
        }).ToList();
    }

    public static IReadOnlyList<TakeUpRow> Group(IEnumerable<TakeUpEpisode> episodes, TakeUpGrouping by) =>
        episodes.GroupBy(e => (Key: e.KeyFor(by), Label: e.LabelFor(by)))
            .Select(g => new TakeUpRow(g.Key.Key, g.Key.Label, Enum.GetValues<TakeUpMeasure>().ToDictionary(m => m, m => g.Count(e => e.Counts(m)))))
            .OrderBy(r => by == TakeUpGrouping.Month ? r.Key : r.Label, StringComparer.Ordinal).ToList();

    public static TakeUpRow Total(IEnumerable<TakeUpEpisode> episodes)
    {
        var list = episodes.ToList();
        return new TakeUpRow("all", "All", Enum.GetValues<TakeUpMeasure>().ToDictionary(m => m, m => list.Count(e => e.Counts(m))));
    }

    public static string Describe(TakeUpMeasure m) => m switch
    {
        TakeUpMeasure.Returns => "Returns",
        TakeUpMeasure.Offered => "Offered",
        TakeUpMeasure.OfferedInTime => "Offered within 72 hours",
        TakeUpMeasure.Accepted => "Accepted",
        TakeUpMeasure.Declined => "Declined",
        _ => "Completed",
    };
}
