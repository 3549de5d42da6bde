namespace Monitor.Jobs;

/// <summary>What is wrong with a pipeline file: the file, the field (<c>steps[1].as_of</c>) and why.</summary>
public sealed record PipelineProblem(string File, string Field, string Reason)
{
    public override string ToString() => Field.Length == 0 ? $"{File}: {Reason}" : $"{File}: {Field}: {Reason}";
}

/// <summary>One or more pipeline files cannot be used. Nothing was run or scheduled.</summary>
public sealed class PipelineDefinitionException(IReadOnlyList<PipelineProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<PipelineProblem> Problems { get; } = problems;
}
