async function main() {
  const res = await fetch('http://localhost:8080/hello');
  console.log(await res.text());
}

main();
