use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EventsArgs {}
#[derive(clap::Args)]
pub struct QuotesArgs {}
#[derive(clap::Args)]
pub struct SearchArgs {}
#[derive(clap::Args)]
pub struct StatsArgs {}

pub fn events(_a: EventsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
pub fn quotes(_a: QuotesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
pub fn search(_a: SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
pub fn stats(_a: StatsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
