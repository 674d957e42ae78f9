namespace WeatherFlick.Data.Migrations;

/// <summary>Whether this process has seen the schema migrated; work that needs the tables awaits <see cref="WaitAsync"/>.</summary>
public sealed class SchemaReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Why the schema is not ready yet (the last failed attempt), or null.</summary>
    public string? LastError { get; internal set; }

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    internal void MarkReady()
    {
        LastError = null;
        _ready.TrySetResult();
    }
}
