using Microsoft.Extensions.Configuration;

namespace Haven.Core.Returns;

/// The council Haven runs for (`Haven:Council` in appsettings): its name, and its three-digit DfE
/// local authority number, the LEA in the CIN census header. The Returns page and the CLI's
/// `returns cin` use it; `--lea` on the CLI overrides it for one run.
public sealed record CouncilSettings(string Name, string LaCode)
{
    /// The synthetic borough's number (BoroughOptions.LaNumber), used when none is configured.
    public const string DemoLaCode = "999";

    public static CouncilSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Haven:Council");
        var code = section["LaCode"]?.Trim();
        if (string.IsNullOrEmpty(code)) code = DemoLaCode;
        if (code.Length != 3 || !code.All(char.IsAsciiDigit))
            throw new InvalidOperationException($"Haven:Council:LaCode must be the council's three-digit DfE LA number, not '{code}'.");
        return new CouncilSettings(section["Name"] ?? "", code);
    }
}
