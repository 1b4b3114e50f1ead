// "Cite this post": a button that copies the formatted citation (pp_blog/discovery.py).
// The button is made here, so a page without JavaScript shows no button that does nothing.
// Being a <button>, it is reached with Tab and pressed with Enter or Space.
document.addEventListener("DOMContentLoaded", () => {
  for (const citation of document.querySelectorAll(".pp-cite .pp-citation")) {
    const controls = document.createElement("p");
    controls.className = "pp-cite-controls";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "pp-copy-citation";
    button.textContent = "Copy citation";
    const status = document.createElement("span");
    status.className = "pp-copy-status";
    status.setAttribute("role", "status");
    controls.append(button, " ", status);
    citation.after(controls);
    button.addEventListener("click", async () => {
      const text = citation.textContent.replace(/\s+/g, " ").trim();
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = "Citation copied.";
      } catch {
        // No clipboard access (an insecure page, or permission refused): select the
        // citation so the reader can copy it with the keyboard.
        const range = document.createRange();
        range.selectNodeContents(citation);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        status.textContent = "The citation is selected: press Ctrl+C (⌘C on a Mac) to copy it.";
      }
    });
  }
});
