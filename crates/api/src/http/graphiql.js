// Mounts GraphiQL on the page, sending queries to /graphql on this origin.
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: new URL("/graphql", window.location.origin).toString() }),
    defaultEditorToolsVisibility: true,
  })
);
