using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Haven.TestCommon;

/// A command EF sent: its SQL and its parameters' values.
public sealed record EfCommand(string Text, List<(string Name, object? Value)> Parameters);

/// The SQL commands EF sends while this is alive, from EF's diagnostic events, each as `copy` makes it;
/// `copy` returns null for a command that is not the test's (tests run in parallel in one process, so
/// each picks out its own: by DbContext, by database file or by text). For tests that count, read or
/// plan the queries a page or a service sends.
public sealed class EfCommands<T> : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable where T : class
{
    private readonly Func<CommandEventData, T?> _copy;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<T> _commands = [];

    public EfCommands(Func<CommandEventData, T?> copy)
    {
        _copy = copy;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public List<T> Commands { get { lock (_commands) return [.. _commands]; } }

    public int Count { get { lock (_commands) return _commands.Count; } }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData data) return;
        if (_copy(data) is { } copy) lock (_commands) _commands.Add(copy);
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
    }
}

public static class EfCommands
{
    /// Every command one DbContext sends, with its parameters (other tests' contexts are ignored).
    public static EfCommands<EfCommand> Of(DbContext context) =>
        new(data => ReferenceEquals(data.Context, context) ? Copy(data) : null);

    public static EfCommand Copy(CommandEventData data) =>
        new(data.Command.CommandText, data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList());
}
