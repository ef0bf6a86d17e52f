using Haven.Core.Data;
using Haven.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.People;

public sealed record LikelyMatch(int Id, PersonKind Kind, string Name, DateOnly? DateOfBirth, string? Postcode, string Reason);

/// Before a new person is created: who already on Haven is likely to be the same person. It looks
/// across all records that are not restricted (a duplicate is worse than a glimpse of a name and a
/// date of birth), and shows only enough to recognise them.
public sealed class DuplicateCheck(HavenDbContext db)
{
    public async Task<IReadOnlyList<LikelyMatch>> FindAsync(string firstName, string lastName, DateOnly? dateOfBirth, string? nhsNumber, CancellationToken ct = default)
    {
        var matches = new Dictionary<int, (Person P, string Reason)>();
        if (nhsNumber is not null)
            foreach (var p in await db.People.AsNoTracking().Where(p => !p.IsRestricted && p.NhsNumber == nhsNumber).Take(5).ToListAsync(ct))
                matches[p.Id] = (p, "Same NHS number");

        var tokens = NameNormaliser.QueryTokens($"{firstName} {lastName}");
        var candidates = db.People.AsNoTracking().Where(p => !p.IsRestricted);
        var lastKeys = NameNormaliser.QueryTokens(lastName).SelectMany(SearchKeys.ForQuery).Distinct().ToList();
        candidates = candidates.Where(p => p.SearchKeys.Any(k => lastKeys.Contains(k.Key)));
        if (dateOfBirth is { } dob)
            candidates = candidates.Where(p => p.DateOfBirth == dob || p.ExpectedDateOfBirth == dob);
        foreach (var p in await candidates.Take(300).ToListAsync(ct))
        {
            if (matches.ContainsKey(p.Id)) continue;
            var score = NameMatchScorer.Score(tokens, p.FirstName, p.LastName, string.Join(' ', p.OtherNames, p.KnownAs));
            var sameDob = dateOfBirth is not null && (p.DateOfBirth == dateOfBirth || p.ExpectedDateOfBirth == dateOfBirth);
            if (sameDob && score >= NameMatchScorer.TwoEdits) matches[p.Id] = (p, "Similar name and same date of birth");
            else if (dateOfBirth is null && score >= NameMatchScorer.SoundsAlike) matches[p.Id] = (p, "Similar name");
        }
        var ids = matches.Keys.ToList();
        var postcodes = await db.PersonAddresses.AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.EndDate == null)
            .Select(a => new { a.PersonId, a.Address.Postcode }).ToListAsync(ct);
        return matches.Values.Take(10).Select(m => new LikelyMatch(m.P.Id, m.P.Kind, $"{m.P.FirstName} {m.P.LastName}", m.P.DateOfBirth ?? m.P.ExpectedDateOfBirth,
            postcodes.FirstOrDefault(a => a.PersonId == m.P.Id)?.Postcode, m.Reason)).ToList();
    }
}
