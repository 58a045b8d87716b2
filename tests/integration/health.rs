//! Probes and the GraphiQL page.

use quire_harness::on_both_backends;

on_both_backends! {
    async fn probes_answer(app: TestApp) {
        assert_eq!(app.get("/healthz").await.0, 200);
        let (status, body) = app.get("/readyz").await;
        assert_eq!(status, 200);
        assert!(body.contains("\"database\":\"ok\""), "{body}");
        let page = app.client.get(format!("{}/graphql", app.address)).header("accept", "text/html").send().await.unwrap();
        assert_eq!(page.status().as_u16(), 200);
        assert!(page.text().await.unwrap().contains("graphiql"));
    }
}
