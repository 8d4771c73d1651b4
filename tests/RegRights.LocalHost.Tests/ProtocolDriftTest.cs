using System.Reflection;
using Google.Protobuf.Reflection;

namespace RegRights.LocalHost.Tests;

/// <summary>
/// Our subset of the Functions protocol (tools/RegRights.LocalHost/Rpc/local_host_rpc.proto) against the contract the
/// worker ships: every message, field, enum value and the service method we declare must exist identically in the
/// descriptor compiled into Microsoft.Azure.Functions.Worker.Grpc, so a field renumbered or retyped on either side fails
/// here rather than as a silently empty message on the wire.
/// </summary>
public sealed class ProtocolDriftTest
{
    /// <summary>Every message, nested type and field of ours matches the worker's by name, number, type, label and type name.</summary>
    [Fact]
    public void Messages_MatchTheWorkersDescriptor()
    {
        // Arrange
        Dictionary<string, IDescriptor> theirs = Index(WorkerDescriptor());
        FileDescriptor ours = Rpc.LocalHostRpcReflection.Descriptor;

        // Act
        List<string> drift = Compare(ours, theirs);

        // Assert
        Assert.True(drift.Count == 0, "The local host's protocol subset drifted from the worker's:" + Environment.NewLine + string.Join(Environment.NewLine, drift));
    }

    /// <summary>The comparison itself finds a field whose number differs, so the test above can fail.</summary>
    [Fact]
    public void Compare_FindsAWrongFieldNumber()
    {
        // Arrange: a file with one message whose field number differs from the worker's StartStream.worker_id (2).
        var wrong = new FileDescriptorProto { Name = "wrong.proto", Package = "AzureFunctionsRpcMessages", Syntax = "proto3" };
        wrong.MessageType.Add(new DescriptorProto
        {
            Name = "StartStream",
            Field = { new FieldDescriptorProto { Name = "worker_id", Number = 3, Type = FieldDescriptorProto.Types.Type.String, Label = FieldDescriptorProto.Types.Label.Optional, JsonName = "workerId" } },
        });
        FileDescriptor file = FileDescriptor.BuildFromByteStrings([Google.Protobuf.MessageExtensions.ToByteString(wrong)])[0];

        // Act
        List<string> drift = Compare(file, Index(WorkerDescriptor()));

        // Assert
        Assert.Equal(["AzureFunctionsRpcMessages.StartStream.worker_id: number 3, theirs 2"], drift);
    }

    /// <summary>The worker's FunctionRpcReflection.Descriptor: internal to its assembly, so found by reflection.</summary>
    private static FileDescriptor WorkerDescriptor()
    {
        Assembly grpc = Assembly.Load("Microsoft.Azure.Functions.Worker.Grpc");
        Type reflection = grpc.GetTypes().Single(t => t.Name == "FunctionRpcReflection");
        return (FileDescriptor)reflection.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    /// <summary>Every message, enum and service of a file and its dependencies, by full name.</summary>
    private static Dictionary<string, IDescriptor> Index(FileDescriptor file)
    {
        var index = new Dictionary<string, IDescriptor>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void AddFile(FileDescriptor f)
        {
            if (!seen.Add(f.Name))
            {
                return;
            }

            foreach (MessageDescriptor message in f.MessageTypes)
            {
                AddMessage(message);
            }

            foreach (EnumDescriptor e in f.EnumTypes)
            {
                index[e.FullName] = e;
            }

            foreach (ServiceDescriptor service in f.Services)
            {
                index[service.FullName] = service;
            }

            foreach (FileDescriptor dependency in f.Dependencies)
            {
                AddFile(dependency);
            }
        }

        void AddMessage(MessageDescriptor message)
        {
            index[message.FullName] = message;
            foreach (MessageDescriptor nested in message.NestedTypes)
            {
                AddMessage(nested);
            }

            foreach (EnumDescriptor e in message.EnumTypes)
            {
                index[e.FullName] = e;
            }
        }

        AddFile(file);
        return index;
    }

    private static List<string> Compare(FileDescriptor ours, Dictionary<string, IDescriptor> theirs)
    {
        var drift = new List<string>();
        foreach (IDescriptor element in Index(ours).Values.Where(d => d.File == ours))
        {
            if (!theirs.TryGetValue(element.FullName, out IDescriptor? other) || other.GetType() != element.GetType())
            {
                drift.Add($"{element.FullName}: not in the worker's descriptor");
                continue;
            }

            switch (element)
            {
                case MessageDescriptor message:
                    CompareMessage(message, (MessageDescriptor)other, drift);
                    break;
                case EnumDescriptor e:
                    foreach (EnumValueDescriptor value in e.Values)
                    {
                        EnumValueDescriptor? theirValue = ((EnumDescriptor)other).FindValueByName(value.Name);
                        if (theirValue is null || theirValue.Number != value.Number)
                        {
                            drift.Add($"{e.FullName}.{value.Name}: number {value.Number}, theirs {theirValue?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}");
                        }
                    }

                    break;
                case ServiceDescriptor service:
                    foreach (MethodDescriptor method in service.Methods)
                    {
                        MethodDescriptor? theirMethod = ((ServiceDescriptor)other).FindMethodByName(method.Name);
                        string Shape(MethodDescriptor m) => $"({(m.IsClientStreaming ? "stream " : "")}{m.InputType.FullName}) returns ({(m.IsServerStreaming ? "stream " : "")}{m.OutputType.FullName})";
                        if (theirMethod is null || Shape(theirMethod) != Shape(method))
                        {
                            drift.Add($"{service.FullName}.{method.Name}: {Shape(method)}, theirs {(theirMethod is null ? "missing" : Shape(theirMethod))}");
                        }
                    }

                    break;
            }
        }

        return drift;
    }

    private static void CompareMessage(MessageDescriptor ours, MessageDescriptor theirs, List<string> drift)
    {
        foreach (FieldDescriptor field in ours.Fields.InDeclarationOrder())
        {
            string name = $"{ours.FullName}.{field.Name}";
            FieldDescriptor? other = theirs.FindFieldByName(field.Name);
            if (other is null)
            {
                drift.Add($"{name}: not in the worker's descriptor");
                continue;
            }

            void Check(string what, object? mine, object? their)
            {
                if (!Equals(mine, their))
                {
                    drift.Add($"{name}: {what} {mine}, theirs {their}");
                }
            }

            Check("number", field.FieldNumber, other.FieldNumber);
            Check("type", field.FieldType, other.FieldType);
            Check("repeated", field.IsRepeated, other.IsRepeated);
            Check("map", field.IsMap, other.IsMap);
            Check("message type", field.FieldType == FieldType.Message ? field.MessageType.FullName : null, other.FieldType == FieldType.Message ? other.MessageType.FullName : null);
            Check("enum type", field.FieldType == FieldType.Enum ? field.EnumType.FullName : null, other.FieldType == FieldType.Enum ? other.EnumType.FullName : null);
            Check("oneof", field.RealContainingOneof?.Name, other.RealContainingOneof?.Name);
            Check("json name", field.JsonName, other.JsonName);
        }
    }
}
