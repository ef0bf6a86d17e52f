using Haven.Core.Data;
using Haven.Core.Returns.Cin.Rules;

namespace Haven.Core.Returns.Cin;

/// The CIN census as a statutory return: produced into a folder (Returns page, `returns cin`) and
/// validated live from the record (Data quality page, My work).
public sealed class CinCensusProducer(CinCensusOptions? options = null) : IStatutoryReturnProducer
{
    public StatutoryReturn Return => StatutoryReturn.CinCensus;
    public string Title => "CIN census";

    public async Task<IReadOnlyList<string>> WriteAsync(HavenDbContext db, ReturnPeriod period, string folder, CancellationToken ct)
    {
        var census = await CinCensusBuilder.BuildAsync(db, ReturnPeriod.CollectionYearOf(period.End), options, ct: ct);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, CinCensusXml.FileName);
        await using (var stream = File.Create(path)) CinCensusXml.Write(census, stream);
        return [path];
    }
}

public sealed class CinCensusValidator(CinCensusOptions? options = null) : IReturnValidator
{
    public StatutoryReturn Return => StatutoryReturn.CinCensus;

    public async Task<IReadOnlyList<ReturnFailure>> ValidateAsync(HavenDbContext db, ReturnPeriod period, CancellationToken ct)
    {
        var census = await CinCensusBuilder.BuildAsync(db, ReturnPeriod.CollectionYearOf(period.End), options, ct: ct);
        return CinRules.Check(census);
    }

    /// Validates a folder written by `returns cin`: the schema first, then the rules.
    public static (IReadOnlyList<string> SchemaErrors, IReadOnlyList<ReturnFailure> Failures) ValidateFolder(string folder)
    {
        var path = Path.Combine(folder, CinCensusXml.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"There is no {CinCensusXml.FileName} in {folder}.", path);
        // The schema check and the rules each read the whole file (150 MB at 500,000 children) and
        // take about as long as each other: the schema is checked on another thread meanwhile.
        var schema = Task.Run(() =>
        {
            using var s = File.OpenRead(path);
            return CinCensusXml.SchemaErrors(s);
        });
        IReadOnlyList<ReturnFailure> failures;
        try
        {
            using var stream = File.OpenRead(path);
            failures = CinRules.Check(CinCensusXml.Read(stream));
        }
        catch
        {
            // A file that is not well-formed XML fails the schema check first, as it did when that ran first.
            schema.GetAwaiter().GetResult();
            throw;
        }
        return (schema.GetAwaiter().GetResult(), failures);
    }
}
