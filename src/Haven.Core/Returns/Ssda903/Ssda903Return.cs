using Haven.Core.Data;
using Haven.Core.Returns.Ssda903.Rules;

namespace Haven.Core.Returns.Ssda903;

/// The SSDA903 as the Returns page, the Data quality page and the CLI see it.
public sealed class Ssda903Producer : IStatutoryReturnProducer, IReturnValidator
{
    public StatutoryReturn Return => StatutoryReturn.Ssda903;
    public string Title => "SSDA903 (children looked after)";

    public async Task<IReadOnlyList<string>> WriteAsync(HavenDbContext db, ReturnPeriod period, string folder, CancellationToken ct) =>
        Ssda903Files.Write(await Ssda903Builder.BuildAsync(db, period, ct), folder);

    public async Task<IReadOnlyList<ReturnFailure>> ValidateAsync(HavenDbContext db, ReturnPeriod period, CancellationToken ct) =>
        Ssda903Rules.Run(await Ssda903Builder.BuildWithPreviousAsync(db, period, ct));
}
