using System.CommandLine;
using Transferkatalog.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
