//! `quire serve --ephemeral` as another team's test suite uses it: start it as a child, read
//! its one JSON line, talk to it with the tokens it printed, end it, and find nothing left.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failure fails the test, which is its purpose"
)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The seed content the Node and Python examples load too.
fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seed")
}

/// A temporary directory of the test's own, handed to the child as `TMPDIR`, so what the child
/// leaves behind can be seen.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quire-ephemeral-test-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Starts `quire serve --ephemeral` with `args` and its temporary files under `tmp`.
fn start(tmp: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_quire"))
        .args(["serve", "--ephemeral"])
        .args(args)
        .env("TMPDIR", tmp)
        .env("QUIRE_LOG", "warn")
        .env_remove("QUIRE_BIND")
        .env_remove("QUIRE_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("quire starts")
}

/// The JSON line, and the rest of standard output, which must stay empty.
fn announcement(child: &mut Child) -> (Value, BufReader<ChildStdout>) {
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let parsed = serde_json::from_str(&line).unwrap_or_else(|e| {
        let stderr = rest_of(child.stderr.take());
        panic!("no JSON line ({e}): stdout {line:?}, stderr {stderr}")
    });
    (parsed, stdout)
}

/// Everything left to read from one of the child's outputs.
fn rest_of(output: Option<impl Read>) -> String {
    let mut text = String::new();
    output.unwrap().read_to_string(&mut text).unwrap();
    text
}

/// Waits for the child to end, failing the test when it outlives `patience`.
fn ended(child: &mut Child, patience: Duration) -> ExitStatus {
    let deadline = Instant::now() + patience;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("quire serve --ephemeral did not stop");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The child ends well and leaves its temporary directory `tmp` empty, which is then removed.
fn stopped_cleanly(child: &mut Child, tmp: &Path) {
    let status = ended(child, Duration::from_secs(10));
    assert!(status.success(), "{status}");
    assert_eq!(
        entries(tmp),
        Vec::<PathBuf>::new(),
        "nothing is left behind"
    );
    std::fs::remove_dir(tmp).unwrap();
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect()
}

fn graphql(url: &str, token: Option<&str>, query: &str) -> Value {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut request = reqwest::Client::new()
            .post(url)
            .json(&json!({ "query": query }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap().json().await.unwrap()
    })
}

#[test]
fn prints_one_line_serves_the_seed_and_leaves_nothing_when_input_closes() {
    let tmp = scratch();
    let seed = seed_dir();
    let mut child = start(&tmp, &["--seed", seed.to_str().unwrap()]);
    let (line, mut rest) = announcement(&mut child);
    assert_eq!(
        entries(&tmp).len(),
        1,
        "the database lives in one directory"
    );

    let graphql_url = line["graphql"].as_str().unwrap();
    assert!(graphql_url.starts_with("http://127.0.0.1:"), "{line}");
    assert_eq!(line["users"]["admin"]["email"], "admin@quire.test");
    assert_eq!(line["users"]["editor"]["email"], "editor@quire.test");

    let editor = line["users"]["editor"]["accessToken"].as_str().unwrap();
    let me = graphql(graphql_url, Some(editor), "{ me { email role } }");
    assert_eq!(me["data"]["me"]["role"], "EDITOR", "{me}");
    let all = graphql(
        graphql_url,
        Some(editor),
        "{ articles(filter: { status: [DRAFT, PUBLISHED] }) { totalCount } }",
    );
    assert_eq!(all["data"]["articles"]["totalCount"], 3, "{all}");
    let public = graphql(graphql_url, None, "{ articles { nodes { slug } } }");
    assert_eq!(
        public["data"]["articles"]["nodes"],
        json!([{ "slug": "dockers-walk-out" }, { "slug": "night-shift-pay-explained" }]),
        "readers see the published seed only: {public}"
    );

    let admin = &line["users"]["admin"];
    let signed_in = graphql(
        graphql_url,
        None,
        &format!(
            r#"mutation {{ login(email: "{}", password: "{}") {{ user {{ role }} }} }}"#,
            admin["email"].as_str().unwrap(),
            admin["password"].as_str().unwrap()
        ),
    );
    assert_eq!(
        signed_in["data"]["login"]["user"]["role"], "ADMIN",
        "{signed_in}"
    );

    drop(child.stdin.take());
    stopped_cleanly(&mut child, &tmp);
    let mut more = String::new();
    rest.read_to_string(&mut more).unwrap();
    assert_eq!(more, "", "standard output carries the one line only");
}

#[test]
fn a_signal_stops_it_and_removes_the_database() {
    let tmp = scratch();
    let mut child = start(&tmp, &[]);
    let (line, _rest) = announcement(&mut child);
    assert!(line["url"].is_string(), "{line}");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    stopped_cleanly(&mut child, &tmp);
}

#[test]
fn a_seed_that_fails_stops_the_start_and_says_which() {
    let tmp = scratch();
    let bad = tmp.join("not-an-article.md");
    std::fs::write(&bad, "# Just a heading\n\nNo front matter here.\n").unwrap();
    let mut child = start(&tmp, &["--seed", bad.to_str().unwrap()]);
    let status = ended(&mut child, Duration::from_secs(10));
    assert_eq!(status.code(), Some(1));
    let stdout = rest_of(child.stdout.take());
    let stderr = rest_of(child.stderr.take());
    assert_eq!(
        stdout, "",
        "no announcement for a server that did not start"
    );
    assert!(stderr.contains("not-an-article.md"), "{stderr}");
    assert_eq!(
        entries(&tmp),
        vec![bad.clone()],
        "only the test's own file remains"
    );
    std::fs::remove_dir_all(&tmp).unwrap();
}
