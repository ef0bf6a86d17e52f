using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;

namespace Haven.Bench;

/// Haven's web app as a separate process (the Release build), as a council would run it, in demo
/// mode so that the demo sign-ins exist for the generated borough.
public sealed partial class HavenServer : IAsyncDisposable
{
    public const string DemoPassword = "Bench-demo-password-2026";
    private readonly Process _process;

    public string BaseUrl { get; }

    private HavenServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public static async Task<HavenServer> StartAsync(string webDll, string provider, string connection, int port, CancellationToken ct,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        // Run from the project folder when started from a build there: the front-end assets npm
        // builds live beside the project, and the content root is the working directory.
        var binDir = Path.GetDirectoryName(webDll)!;
        var projectDir = Path.GetFullPath(Path.Combine(binDir, "..", "..", ".."));
        var workingDir = File.Exists(Path.Combine(projectDir, "Haven.Web.csproj")) ? projectDir : binDir;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDir };
        psi.ArgumentList.Add(webDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(baseUrl);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Haven__Database__Provider"] = provider;
        psi.Environment["ConnectionStrings__Haven"] = connection;
        psi.Environment["Haven__DemoMode"] = "true";
        psi.Environment["Haven__DemoPassword"] = DemoPassword;
        // The load generator signs in from one address far faster than any person.
        psi.Environment["Haven__RateLimits__SignInPerMinute"] = "1000000";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Haven did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("haven: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new HavenServer(process, baseUrl);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Haven exited with {process.ExitCode} while starting");
            try
            {
                if ((await http.GetAsync(baseUrl + "/health", ct)).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(500, ct);
        }
        await server.DisposeAsync();
        throw new TimeoutException("Haven did not become healthy within 10 minutes");
    }

    /// The processor time the server has used so far, on all its threads.
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// The time the server has spent compiling code (JIT), from its runtime's counters; null when they
    /// cannot be read (diagnostics turned off in the server: DOTNET_EnableDiagnostics=0).
    public TimeSpan? JitTime
    {
        get
        {
            if (_jitUnavailable) return null;
            try
            {
                return (_jit ??= new JitWatch(_process.Id)).Total;
            }
            catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or IOException or TimeoutException)
            {
                Console.Error.WriteLine($"bench: the server's JIT counters cannot be read ({e.Message}); each page is warmed for --warm-up seconds");
                _jitUnavailable = true;
                return null;
            }
        }
    }
    private JitWatch? _jit;
    private bool _jitUnavailable;

    /// The server's peak resident memory (VmHWM), in MiB; Linux only.
    public double PeakMemoryMiB()
    {
        var status = File.ReadAllText($"/proc/{_process.Id}/status");
        return VmHwm().Match(status) is { Success: true } m ? long.Parse(m.Groups[1].Value) / 1024.0 : double.NaN;
    }

    /// The server's resident memory now (VmRSS), in MiB; Linux only.
    public double CurrentMemoryMiB()
    {
        var status = File.ReadAllText($"/proc/{_process.Id}/status");
        return VmRss().Match(status) is { Success: true } m ? long.Parse(m.Groups[1].Value) / 1024.0 : double.NaN;
    }

    /// Ends the process at once (SIGKILL): no shutdown, no flushing, as in a crash or power cut
    /// of the app server.
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _jit?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"VmHWM:\s+(\d+) kB")]
    private static partial Regex VmHwm();

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex VmRss();
}
