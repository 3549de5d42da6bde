using Monitor.Cli;

return CommandRunner.Run(MonitorCli.CreateRoot(), args);
