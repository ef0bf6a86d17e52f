using Haven.Core.Allocations;
using Haven.Core.Data;
using Haven.Core.Health;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.CareLeavers;

/// One care leaver on a date, with what the figures count.
public sealed record CareLeaverRow(int ChildId, string Name, DateOnly DateOfBirth, CareLeaverStatus Status, DateOnly? StatusFrom,
    string? PersonalAdviser, BirthdayReturn? LatestBirthday, bool HealthSummaryGiven)
{
    public bool HasBirthday => LatestBirthday is not null;
    public bool InTouch => LatestBirthday?.InTouchCode == "YES";
    public bool SuitableAccommodation => InTouch && LatestBirthday!.AccommodationCode.EndsWith('1');
    public bool InEducationEmploymentOrTraining => InTouch && LatestBirthday!.ActivityCode is ['F' or 'P', _];
    public bool NotInEducationEmploymentOrTraining => InTouch && LatestBirthday!.ActivityCode is ['G', _];
}

/// What the care leavers figures count. Birthday figures use each young person's latest recorded
/// birthday (903 OC3), over those with one recorded, as the DfE does (not known counts against).
public enum CareLeaverMeasure { All, BirthdayRecorded, InTouch, SuitableAccommodation, InEducationEmploymentOrTraining, NotInEducationEmploymentOrTraining, HealthSummaryGiven, HealthSummaryNotGiven }

/// Everyone who is a care leaver today, worked out from the care histories (Eligibility), with the
/// figures the care leavers page shows. The page names only the young people the viewer may read.
public sealed class CareLeaverCohort(HavenDbContext db, CareLeaverService service)
{
    public async Task<IReadOnlyList<CareLeaverRow>> OnAsync(DateOnly asOf, CancellationToken ct) => (await OnAsync([asOf], ct))[asOf];

    /// The care leavers on each of several dates (a month-end trend) from one load: the candidates
    /// for any of the dates, their care histories, birthdays and health summaries, then each date
    /// worked out in memory. On each date a young person's birthday figures are those of their
    /// latest birthday reached by then.
    public async Task<IReadOnlyDictionary<DateOnly, IReadOnlyList<CareLeaverRow>>> OnAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken ct)
    {
        var result = dates.Distinct().ToDictionary(d => d, _ => (IReadOnlyList<CareLeaverRow>)[]);
        if (result.Count == 0) return result;
        var candidates = await service.Candidates(result.Keys.Min(), result.Keys.Max()).ToListAsync(ct);
        var people = new Dictionary<int, (string Name, DateOnly Dob)>();
        var histories = new Dictionary<int, List<CareStay>>();
        var advisers = new Dictionary<int, string>();
        var birthdays = new Dictionary<int, List<BirthdayReturn>>();
        var given = new HashSet<int>();
        foreach (var chunk in candidates.Chunk(500))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id) && p.DateOfBirth != null).Select(p => new { p.Id, p.FirstName, p.LastName, p.DateOfBirth }).ToListAsync(ct))
                people[p.Id] = ($"{p.FirstName} {p.LastName}", p.DateOfBirth!.Value);
            foreach (var (id, h) in await service.CareHistoriesAsync(chunk, ct))
                histories[id] = h;
            foreach (var a in await db.Allocations.AsNoTracking().Where(a => chunk.Contains(a.ChildId) && a.Kind == AllocationKind.PersonalAdviser && a.EndDate == null)
                         .Select(a => new { a.ChildId, a.Worker.DisplayName }).ToListAsync(ct))
                advisers[a.ChildId] = a.DisplayName;
            foreach (var b in await db.BirthdayReturns.AsNoTracking().Where(b => chunk.Contains(b.ChildId)).ToListAsync(ct))
                (birthdays.TryGetValue(b.ChildId, out var list) ? list : birthdays[b.ChildId] = []).Add(b);
            given.UnionWith(await db.HealthRecords.AsNoTracking().Where(r => chunk.Contains(r.ChildId) && r.Kind == HealthRecordKind.HistorySummaryGiven)
                .Select(r => r.ChildId).Distinct().ToListAsync(ct));
        }
        // Eligibility once per young person, on the last date: its history of statuses gives the
        // status on every earlier date.
        var last = result.Keys.Max();
        var eligibility = people.ToDictionary(p => p.Key, p => Eligibility.On(p.Value.Dob, histories.TryGetValue(p.Key, out var h) ? h : [], last));
        foreach (var on in result.Keys.ToList())
        {
            var rows = new List<CareLeaverRow>();
            foreach (var (id, person) in people)
            {
                var (status, from) = StatusOn(eligibility[id], on);
                if (status == CareLeaverStatus.None) continue;
                rows.Add(new CareLeaverRow(id, person.Name, person.Dob, status, from, advisers.GetValueOrDefault(id),
                    LatestBirthday(birthdays.GetValueOrDefault(id), person.Dob, on), given.Contains(id)));
            }
            result[on] = rows.OrderBy(r => r.Name).ToList();
        }
        return result;
    }

    /// The status on a date on or before the one the eligibility was worked out on, and the day it
    /// applies from: the last change of status by then (the history records every change in order).
    public static (CareLeaverStatus Status, DateOnly? From) StatusOn(EligibilityResult worked, DateOnly on)
    {
        StatusFrom? latest = null;
        foreach (var h in worked.History)
        {
            if (h.From > on) break;
            latest = h;
        }
        return latest is null || latest.Status == CareLeaverStatus.None ? (CareLeaverStatus.None, null) : (latest.Status, latest.From);
    }

    /// The return for the latest birthday the young person had reached on the date.
    public static BirthdayReturn? LatestBirthday(IEnumerable<BirthdayReturn>? returns, DateOnly dateOfBirth, DateOnly on)
    {
        BirthdayReturn? best = null;
        foreach (var b in returns ?? [])
            if (dateOfBirth.AddYears(b.Age) <= on && (best is null || b.Age > best.Age)) best = b;
        return best;
    }

    public static bool Counts(CareLeaverRow r, CareLeaverMeasure m) => m switch
    {
        CareLeaverMeasure.BirthdayRecorded => r.HasBirthday,
        CareLeaverMeasure.InTouch => r.InTouch,
        CareLeaverMeasure.SuitableAccommodation => r.SuitableAccommodation,
        CareLeaverMeasure.InEducationEmploymentOrTraining => r.InEducationEmploymentOrTraining,
        CareLeaverMeasure.NotInEducationEmploymentOrTraining => r.NotInEducationEmploymentOrTraining,
        CareLeaverMeasure.HealthSummaryGiven => r.HealthSummaryGiven,
        CareLeaverMeasure.HealthSummaryNotGiven => !r.HealthSummaryGiven,
        _ => true,
    };

    public static string Describe(CareLeaverMeasure m) => m switch
    {
        CareLeaverMeasure.BirthdayRecorded => "Birthday recorded",
        CareLeaverMeasure.InTouch => "In touch at the latest birthday",
        CareLeaverMeasure.SuitableAccommodation => "In suitable accommodation",
        CareLeaverMeasure.InEducationEmploymentOrTraining => "In education, employment or training",
        CareLeaverMeasure.NotInEducationEmploymentOrTraining => "Not in education, employment or training",
        CareLeaverMeasure.HealthSummaryGiven => "Given their health history summary",
        CareLeaverMeasure.HealthSummaryNotGiven => "Not yet given their health history summary",
        _ => "Care leavers",
    };
}
