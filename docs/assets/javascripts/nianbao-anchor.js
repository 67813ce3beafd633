/* Material for MkDocs tab anchor script, served as a file so that the pages' Content-Security-Policy
   allows no inline script. Kept as Material 9.8 ships it inline. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
