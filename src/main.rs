//! The `c2c` binary. For now it prints the narrative the engine runs.

use c2c_domain::Narrative;

#[allow(clippy::print_stdout)]
fn main() {
    let narrative = Narrative::standard();
    println!("c2c: the city-to-city partnership narrative\n");
    for def in narrative.steps {
        let codes: Vec<&str> = def.criteria.iter().map(|c| c.code()).collect();
        println!("{:<10} {}", def.step.code(), def.question);
        println!("{:<10} exit criteria: {}", "", codes.join(", "));
    }
    println!();
    for def in narrative.loops {
        let steps: Vec<&str> = def.steps.iter().map(|s| s.code()).collect();
        println!(
            "{:<22} {} (closes at {}, re-enters {})",
            def.loop_.code(),
            steps.join(" → "),
            def.closes_at.code(),
            def.reenters.code()
        );
    }
}
