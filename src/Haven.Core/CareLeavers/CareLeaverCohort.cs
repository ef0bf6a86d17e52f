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
    public async Task<IReadOnlyList<CareLeaverRow>> OnAsync(DateOnly asOf, CancellationToken ct)
    {
        var candidates = await service.Candidates(asOf).ToListAsync(ct);
        var statuses = new Dictionary<int, EligibilityResult>();
        foreach (var chunk in candidates.Chunk(500))
            foreach (var (id, r) in await service.EligibilityAsync(chunk, asOf, ct))
                if (r.IsCareLeaver) statuses[id] = r;
        var ids = statuses.Keys.ToList();
        var people = new Dictionary<int, (string Name, DateOnly Dob)>();
        var advisers = new Dictionary<int, string>();
        var birthdays = new Dictionary<int, BirthdayReturn>();
        var given = new HashSet<int>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.FirstName, p.LastName, p.DateOfBirth }).ToListAsync(ct))
                people[p.Id] = ($"{p.FirstName} {p.LastName}", p.DateOfBirth!.Value);
            foreach (var a in await db.Allocations.AsNoTracking().Where(a => chunk.Contains(a.ChildId) && a.Kind == AllocationKind.PersonalAdviser && a.EndDate == null)
                         .Select(a => new { a.ChildId, a.Worker.DisplayName }).ToListAsync(ct))
                advisers[a.ChildId] = a.DisplayName;
            foreach (var b in await db.BirthdayReturns.AsNoTracking().Where(b => chunk.Contains(b.ChildId)).ToListAsync(ct))
                if (!birthdays.TryGetValue(b.ChildId, out var have) || have.Age < b.Age) birthdays[b.ChildId] = b;
            given.UnionWith(await db.HealthRecords.AsNoTracking().Where(r => chunk.Contains(r.ChildId) && r.Kind == HealthRecordKind.HistorySummaryGiven)
                .Select(r => r.ChildId).Distinct().ToListAsync(ct));
        }
        return ids.Select(id => new CareLeaverRow(id, people[id].Name, people[id].Dob, statuses[id].Status, statuses[id].AppliesFrom,
                advisers.GetValueOrDefault(id), birthdays.GetValueOrDefault(id), given.Contains(id)))
            .OrderBy(r => r.Name).ToList();
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
