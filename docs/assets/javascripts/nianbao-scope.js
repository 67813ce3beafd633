/* Material for MkDocs scope script, served as a file so that the pages' Content-Security-Policy
   allows no inline script. Kept as Material 9.8 ships it inline, but the scope comes from this
   file's own address (assets/javascripts/ is two levels below the site root). */
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
