// CRLF line ends and a U+2028 in a string: the call is found on its line.
export const text = "a b";

export const typed = () => import("./data.json", { with: { type: "json" } });
export const untyped = () => import("./data.json");
